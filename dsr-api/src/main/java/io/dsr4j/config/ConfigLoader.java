package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.plugin.PluginKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds a {@link DsrConfig}: the built-in defaults ({@code defaults.yaml}, every value located at
 * {@link Location#DEFAULTS}) deep-merged with the user's YAML file (maps merge, lists and scalars replace), then the
 * {@code --set path.to.key=value} overrides in order. Unknown sections and unknown keys of the fixed sections,
 * wrong types and out-of-range values are {@link ConfigException}s that name the file, line, column and key.
 * Plugin sections ({@code policy}, {@code estimator}, {@code training.const_optimizer}, {@code prior.*}) are
 * checked by the plugins that read them, and their names by {@link ConfigValidator}.
 */
public final class ConfigLoader {

    /** The top-level sections, in the order they are written. */
    public static final List<String> SECTIONS =
            List.of("experiment", "task", "training", "policy", "estimator", "prior", "gp_meld", "logging");

    static final String SET_USAGE = "expected --set path.to.key=value, e.g. --set training.batch_size=500, "
            + "--set task.function_set=[add,mul,sin,x1] or --set prior.length.max_=30";

    private static final Pattern KEY_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    /** DSO section names and where their content lives in dsr4j. */
    private static final Map<String, String> DSO_SECTIONS = Map.of(
            "policy_optimizer", "DSO's policy_optimizer is dsr4j's 'estimator' section (type, learning_rate, entropy_weight, ...)",
            "state_manager", "DSO's state_manager keys (observe_parent, observe_sibling, embedding, ...) go in the 'policy' section",
            "controller", "the legacy DSO controller section is split into 'policy' and 'estimator'",
            "checkpoint", "checkpoints are configured by training.checkpoint.every",
            "postprocess", "runs write their outputs themselves; there is nothing to post-process");

    /** DSO keys that dsr4j reads elsewhere. */
    private static final Map<String, String> DSO_KEYS = Map.ofEntries(
            Map.entry("training.epsilon", "estimator.epsilon"),
            Map.entry("training.baseline", "estimator.baseline"),
            Map.entry("training.alpha", "estimator.alpha"),
            Map.entry("training.b_jumpstart", "estimator"),
            Map.entry("training.n_cores_batch", "training.n_threads"),
            Map.entry("training.const_params", "training.const_optimizer"),
            Map.entry("task.reward_noise", "task.noise"),
            Map.entry("logging.save_pareto", "logging.save_pareto_front"));

    private ConfigLoader() { }

    private static final class Defaults {
        static final ConfigNode.MapNode TREE =
                YamlConfigReader.readResource(ConfigLoader.class, "defaults.yaml", Location.DEFAULTS);
    }

    /** A copy of the built-in defaults tree (every node at {@link Location#DEFAULTS}). */
    public static ConfigNode.MapNode defaults() {
        return (ConfigNode.MapNode) ConfigNode.relocate(Defaults.TREE, Location.DEFAULTS);
    }

    /** Defaults ← {@code file} (may be null: defaults only) ← {@code sets}. */
    public static DsrConfig load(Path file, List<String> sets) {
        ConfigNode.MapNode user = file == null ? null : YamlConfigReader.readFile(file);
        Path dir = file == null ? Path.of("").toAbsolutePath()
                : Objects.requireNonNullElse(file.toAbsolutePath().getParent(), Path.of("").toAbsolutePath());
        return fromTree(merge(user, sets), dir);
    }

    public static DsrConfig load(Path file, String... sets) {
        return load(file, Arrays.asList(sets));
    }

    /** Defaults ← YAML text; {@code sourceName} appears in error locations; relative paths resolve against the working directory. */
    public static DsrConfig fromYaml(String yaml, String sourceName) {
        return fromTree(merge(YamlConfigReader.readMapping(yaml, sourceName), List.of()), Path.of("").toAbsolutePath());
    }

    /**
     * Defaults ← plain Java values, for the programmatic API, e.g.
     * {@code fromMap(Map.of("task", Map.of("dataset", "Nguyen-2"), "training", Map.of("n_samples", 20000)))}.
     * Values may be maps, lists/arrays, strings, numbers, booleans or null.
     */
    public static DsrConfig fromMap(Map<String, ?> values) {
        ConfigNode user = ConfigNode.of(values, new Location("Java configuration", 0, 0));
        return fromTree(merge((ConfigNode.MapNode) user, List.of()), Path.of("").toAbsolutePath());
    }

    /** Defaults ← {@code user} (may be null) ← {@code sets}, not yet validated. */
    public static ConfigNode.MapNode merge(ConfigNode.MapNode user, List<String> sets) {
        ConfigNode.MapNode t = Defaults.TREE;
        if (user != null) t = (ConfigNode.MapNode) ConfigNode.merge(t, user);
        for (String s : sets) t = (ConfigNode.MapNode) ConfigNode.merge(t, parseSet(s));
        return t;
    }

    /**
     * Parses one {@code --set} assignment into a small tree to merge over the configuration. The value is a YAML
     * scalar, flow sequence or flow mapping; an empty value is null.
     */
    public static ConfigNode.MapNode parseSet(String assignment) {
        Location at = Location.commandLine("--set " + assignment);
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new ConfigException(at + ": " + SET_USAGE);
        String keyPath = assignment.substring(0, eq).trim();
        String[] parts = keyPath.split("\\.", -1);
        for (String part : parts) {
            if (!KEY_SEGMENT.matcher(part).matches()) {
                throw new ConfigException(at + ": '" + keyPath + "' is not a key path (dot-separated names); " + SET_USAGE);
            }
        }
        ConfigNode value = YamlConfigReader.readValue(assignment.substring(eq + 1), at);
        return nest(parts, value, at);
    }

    /** {@code tree} with the value at {@code keyPath} replaced by the plain Java {@code value}. */
    static ConfigNode.MapNode override(ConfigNode.MapNode tree, String keyPath, Object value) {
        Location at = new Location("Java override of " + keyPath, 0, 0);
        return (ConfigNode.MapNode) ConfigNode.merge(tree, nest(keyPath.split("\\."), ConfigNode.of(value, at), at));
    }

    private static ConfigNode.MapNode nest(String[] parts, ConfigNode value, Location at) {
        ConfigNode n = value;
        for (int i = parts.length - 1; i >= 0; i--) {
            LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>();
            m.put(parts[i], n);
            n = new ConfigNode.MapNode(m, at);
        }
        return (ConfigNode.MapNode) n;
    }

    /**
     * Validates a merged tree (defaults already included, e.g. from {@link #merge}) and builds the typed config.
     *
     * @param configDir directory against which relative paths written in the user's file are resolved
     */
    public static DsrConfig fromTree(ConfigNode.MapNode merged, Path configDir) {
        return fromTree(merged, configDir, PluginSettings.NONE);
    }

    /**
     * Like {@link #fromTree(ConfigNode.MapNode, Path)}, with the installed plugins' declarations: each plugin
     * section gets the selected plugin's own defaults (see {@link DsrConfig#withPlugins}).
     */
    public static DsrConfig fromTree(ConfigNode.MapNode merged, Path configDir, PluginSettings plugins) {
        ConfigNode.MapNode defaults = Defaults.TREE;
        checkSections(merged);
        Params root = new Params("", merged, defaults);
        ExperimentConfig experiment = ExperimentConfig.from(fixed(root, "experiment"));
        TaskConfig task = TaskConfig.from(fixed(root, "task"));
        TrainingConfig training = TrainingConfig.from(fixed(root, "training"), (ConfigNode.MapNode) defaults.get("training"),
                plugins);
        LoggingConfig logging = LoggingConfig.from(fixed(root, "logging"));
        PluginSection policy = PluginSection.from(root, "policy", defaults, PluginKind.POLICY, plugins);
        PluginSection estimator = PluginSection.from(root, "estimator", defaults, PluginKind.GRADIENT_ESTIMATOR, plugins);
        PluginSection gpMeld = PluginSection.from(root, "gp_meld", defaults, PluginKind.BATCH_AUGMENTER, plugins);
        List<PriorSection> priors = priors(root.child("prior"), (ConfigNode.MapNode) defaults.get("prior"), plugins);
        root.requireAllUsed();
        return new DsrConfig(experiment, task, training, logging, policy, estimator, gpMeld, priors, merged, configDir,
                plugins);
    }

    private static void checkSections(ConfigNode.MapNode merged) {
        for (Map.Entry<String, ConfigNode> e : merged.entries().entrySet()) {
            String key = e.getKey();
            if (SECTIONS.contains(key)) continue;
            String hint = DSO_SECTIONS.containsKey(key) ? " (" + DSO_SECTIONS.get(key) + ")" : Suggestions.hint(key, SECTIONS);
            throw ConfigException.at(merged.keyLocation(key), key,
                    "unknown section" + hint + "; allowed sections: " + String.join(", ", SECTIONS));
        }
    }

    /** A fixed section; its unknown keys are reported once it has been read (see the callers). */
    private static Params fixed(Params root, String name) {
        Params p = root.child(name);
        for (String key : p.keys()) {
            String moved = DSO_KEYS.get(name + "." + key);
            if (moved != null) {
                throw ConfigException.at(p.keyLocationOf(key), p.keyPath(key),
                        "unknown key; dsr4j reads this setting as '" + moved + "'");
            }
        }
        return p;
    }

    private static List<PriorSection> priors(Params prior, ConfigNode.MapNode defaults, PluginSettings plugins) {
        prior.keys().forEach(prior::markUsed); // every entry is read by PriorSection.parse
        return PriorSection.parse(prior.node(), defaults, plugins);
    }
}
