package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.settings.FrameworkKeys;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.config.YamlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dsr plugins}: every registered name per kind, with its class, plugin and the jar it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List the installed plugins and every name they register (tokens, priors, metrics, "
                + "estimators, policies, constant optimizers, datasets), with implementing class and jar.",
                "Plugin jars are found in plugins/ next to ./dsr and in --plugins directories."})
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only this kind: ${COMPLETION-CANDIDATES}.")
    PluginKind kind;

    @Option(names = "--details", paramLabel = "NAME",
            description = "Print one plugin's settings: every key with its type, default, allowed values and meaning.")
    String details;

    @Override
    public Integer call() {
        PluginRegistry registry = DsrCli.of(spec).plugins();
        PrintWriter out = spec.commandLine().getOut();
        if (details != null) return details(registry, out);
        if (kind == null) {
            out.println("Plugins (" + registry.plugins().size() + "):");
            List<String[]> rows = new ArrayList<>();
            for (PluginRegistry.PluginInfo p : registry.plugins()) {
                rows.add(new String[]{p.name(), p.className(), shortPath(p.source())});
            }
            table(out, rows);
        }
        for (PluginKind k : PluginKind.values()) {
            if (kind != null && k != kind) continue;
            List<String[]> rows = new ArrayList<>();
            for (PluginRegistry.Registration r : registry.describe()) {
                if (r.kind() != k) continue;
                rows.add(new String[]{r.name(), "[" + r.plugin() + "]", r.implementation(), shortPath(r.source()),
                        r.description()});
            }
            if (kind == null) out.println();
            out.println(k.label() + " (" + k.configKey() + "): " + (rows.isEmpty() ? "none" : rows.size()));
            table(out, rows);
        }
        out.flush();
        return DsrCli.EXIT_OK;
    }

    private int details(PluginRegistry registry, PrintWriter out) {
        List<PluginRegistry.Registration> found = registry.describe().stream()
                .filter(r -> r.name().equals(details) && (kind == null || r.kind() == kind)).toList();
        if (found.isEmpty()) {
            List<String> names = registry.describe().stream().map(PluginRegistry.Registration::name).distinct().toList();
            throw new ConfigException("--details: no plugin registers '" + details + "'" + Suggestions.hint(details, names)
                    + "; ./dsr plugins lists every name");
        }
        for (PluginRegistry.Registration r : found) {
            out.println(r.kind().label() + " '" + r.name() + "' (" + r.kind().configKey() + ")");
            out.println("  class:  " + r.implementation());
            out.println("  plugin: " + r.plugin() + " (" + shortPath(r.source()) + ")");
            if (!r.description().isEmpty()) out.println("  " + r.description());
            if (r.kind() == PluginKind.COMPLEXITY) {
                out.println("settings: none (training.complexity names it)");
                continue;
            }
            if (r.kind() == PluginKind.REWARD) {
                RewardFactory f = registry.rewards().get(r.name());
                out.println("task.metric_params: " + (f.parameterNames().isEmpty() ? "none ([])"
                        : String.join(", ", f.parameterNames()) + " (a list in this order, or a mapping by name)"));
                out.println("task.sample_weights: " + (f.supportsSampleWeights() ? "supported" : "not supported"));
                continue;
            }
            Settings settings = registry.settingsOf(r.kind(), r.name());
            out.println(settingsTitle(r, settings));
            settingsTable(out, settings);
            Settings framework = r.kind() == PluginKind.POLICY ? FrameworkKeys.POLICY
                    : r.kind() == PluginKind.GRADIENT_ESTIMATOR ? FrameworkKeys.ESTIMATOR
                    : r.kind() == PluginKind.BATCH_AUGMENTER ? FrameworkKeys.AUGMENTER : null;
            if (framework != null) {
                out.println("keys dsr4j reads in the same section for every " + r.kind().label() + ":");
                settingsTable(out, framework);
            }
        }
        out.flush();
        return DsrCli.EXIT_OK;
    }

    private static String settingsTitle(PluginRegistry.Registration r, Settings settings) {
        if (!settings.declared()) return "settings: not declared by the plugin (checked only when a run builds it)";
        if (settings.list().isEmpty()) {
            return r.kind() == PluginKind.TOKEN || r.kind() == PluginKind.DATASET || r.kind() == PluginKind.REWARD
                    ? "settings: none" : "settings: none (any key is an error)";
        }
        return "settings (key, type, default, allowed, meaning):";
    }

    private static void settingsTable(PrintWriter out, Settings settings) {
        List<String[]> rows = new ArrayList<>();
        for (Setting<?> s : settings.list()) {
            rows.add(new String[]{s.name(), s.type(), yaml(s.defaultYaml()), s.allowed(), s.doc()});
        }
        table(out, rows);
    }

    private static String yaml(Object v) {
        if (v instanceof List<?> l) return "[" + String.join(", ", l.stream().map(PluginsCommand::yaml).toList()) + "]";
        return YamlWriter.scalar(v);
    }

    /** A path relative to the working directory when it is below it. */
    private static String shortPath(String source) {
        try {
            Path p = Path.of(source).toAbsolutePath().normalize();
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
        } catch (RuntimeException e) {
            return source;
        }
    }

    private static void table(PrintWriter out, List<String[]> rows) {
        if (rows.isEmpty()) return;
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < cols; i++) {
                if (i == cols - 1) sb.append(r[i]);
                else sb.append(String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
