package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fully resolved, validated configuration of an experiment (built-in defaults ← user file ← {@code --set}):
 * typed records for the fixed sections, {@link PluginSection}s for the plugin-selected ones and the list of
 * {@link PriorSection}s. Immutable. Build it with {@link ConfigLoader}; {@link #resolvedYaml()} writes it back so
 * that loading the text gives an equal configuration.
 */
public final class DsrConfig {

    private final ExperimentConfig experiment;
    private final TaskConfig task;
    private final TrainingConfig training;
    private final LoggingConfig logging;
    private final PluginSection policy;
    private final PluginSection estimator;
    private final PluginSection gpMeld;
    private final List<PriorSection> priors;
    private final ConfigNode.MapNode tree;
    private final Path configDir;
    private final PluginSettings plugins;
    private final ConfigNode.MapNode resolved;

    DsrConfig(ExperimentConfig experiment, TaskConfig task, TrainingConfig training, LoggingConfig logging,
              PluginSection policy, PluginSection estimator, PluginSection gpMeld, List<PriorSection> priors,
              ConfigNode.MapNode tree, Path configDir, PluginSettings plugins) {
        this.experiment = experiment;
        this.task = task;
        this.training = training;
        this.logging = logging;
        this.policy = policy;
        this.estimator = estimator;
        this.gpMeld = gpMeld;
        this.priors = List.copyOf(priors);
        this.tree = tree;
        this.configDir = configDir;
        this.plugins = plugins;
        this.resolved = resolve();
    }

    /**
     * This configuration with the installed plugins' declarations: every plugin section (policy, estimator,
     * constant optimizer, each prior) gets the selected plugin's own defaults under what was written, and
     * {@link #resolvedYaml()} writes them. A run does this with its plugin registry before it starts.
     */
    public DsrConfig withPlugins(PluginSettings plugins) {
        if (plugins == this.plugins) return this;
        return ConfigLoader.fromTree(tree, configDir, plugins);
    }

    /** The plugin declarations this configuration was resolved with ({@link PluginSettings#NONE} if none). */
    public PluginSettings plugins() { return plugins; }

    /** The tree with the plugin sections' declared defaults filled in. */
    private ConfigNode.MapNode resolve() {
        LinkedHashMap<String, ConfigNode> root = new LinkedHashMap<>(tree.entries());
        root.put("policy", policy.effectiveNode());
        root.put("estimator", estimator.effectiveNode());
        if (root.containsKey("gp_meld")) root.put("gp_meld", gpMeld.effectiveNode());
        if (root.get("training") instanceof ConfigNode.MapNode t) {
            LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>(t.entries());
            m.put("const_optimizer", training.constOptimizer().effectiveNode());
            root.put("training", new ConfigNode.MapNode(m, t.location(), t.keyLocations()));
        }
        if (root.get("prior") instanceof ConfigNode.MapNode p) {
            LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>(p.entries());
            for (PriorSection s : priors) {
                if (!s.on()) continue;
                if (s.index() < 0) {
                    m.put(s.name(), s.effectiveNode());
                } else if (m.get(s.name()) instanceof ConfigNode.ListNode l) {
                    List<ConfigNode> items = new ArrayList<>(l.items());
                    items.set(s.index(), s.effectiveNode());
                    m.put(s.name(), new ConfigNode.ListNode(items, l.location()));
                }
            }
            root.put("prior", new ConfigNode.MapNode(m, p.location(), p.keyLocations()));
        }
        return new ConfigNode.MapNode(root, tree.location(), tree.keyLocations());
    }

    public ExperimentConfig experiment() { return experiment; }

    public TaskConfig task() { return task; }

    public TrainingConfig training() { return training; }

    public LoggingConfig logging() { return logging; }

    /** Section {@code policy}: {@code type} + the policy's keys. */
    public PluginSection policy() { return policy; }

    /** Section {@code estimator}: {@code type} + the estimator's keys. */
    public PluginSection estimator() { return estimator; }

    /**
     * Section {@code gp_meld}: {@code on}, {@code type} (the batch augmenter plugin) + its keys. Off by default.
     */
    public PluginSection gpMeld() { return gpMeld; }

    /** Every entry of the {@code prior} section in file order, enabled or not. */
    public List<PriorSection> priors() { return priors; }

    /** The entries with {@code on: true}, in file order (the order priors are applied and reported). */
    public List<PriorSection> enabledPriors() {
        return priors.stream().filter(PriorSection::on).toList();
    }

    /**
     * The merged tree (core defaults ← file ← {@code --set}), every value with the location it came from; the
     * plugins' own defaults are not in it (see {@link #resolvedTree()}).
     */
    public ConfigNode.MapNode tree() { return tree; }

    /** The fully resolved tree: {@link #tree()} with the selected plugins' declared defaults filled in. */
    public ConfigNode.MapNode resolvedTree() { return resolved; }

    /** The fully resolved configuration as plain Java maps/lists/scalars. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() { return (Map<String, Object>) resolved.toPlain(); }

    /** Directory of the user's configuration file (the working directory when there is none). */
    public Path configDir() { return configDir; }

    /** Where a value was set, e.g. {@code locationOf("task.dataset")}; null if the key does not exist. */
    public Location locationOf(String keyPath) {
        ConfigNode n = ConfigNode.find(resolved, keyPath);
        return n == null ? null : n.location();
    }

    /**
     * The string value at {@code keyPath} as a path: absolute paths stay as they are; a relative path is resolved
     * against the directory of the file that set it ({@link #configDir()} for a value written in the user's file)
     * and against the working directory for a value from the defaults or the command line.
     *
     * @return null when the value is null
     */
    public Path resolvePath(String keyPath) {
        ConfigNode n = ConfigNode.find(tree, keyPath);
        if (n == null) throw new IllegalArgumentException("no key " + keyPath);
        if (!(n instanceof ConfigNode.ScalarNode s)) throw ConfigException.at(n.location(), keyPath, "expected a path");
        if (s.value() == null) return null;
        Path p = Path.of(s.value().toString());
        if (p.isAbsolute()) return p.normalize();
        return baseDirOf(n.location()).resolve(p).normalize();
    }

    private Path baseDirOf(Location at) {
        if (at.line() > 0) {
            Path file = Path.of(at.source()).toAbsolutePath();
            if (file.getParent() != null) return file.getParent();
        }
        return at == Location.DEFAULTS || at.source().startsWith("command line")
                ? Path.of("").toAbsolutePath() : configDir;
    }

    /**
     * The dataset request of the {@code task} section; its base directory is the one relative dataset paths resolve
     * against (see {@link #resolvePath}).
     */
    public io.dsr4j.api.data.DatasetRequest datasetRequest() {
        Location at = locationOf("task.dataset");
        return new io.dsr4j.api.data.DatasetRequest(task.dataset(), task.dataSeed(), task.noise(), task.dataFactor(),
                task.target(), at == null ? configDir : baseDirOf(at));
    }

    /**
     * The full configuration as YAML (what {@code run_dir/config.yaml} holds). Loading it back with
     * {@link ConfigLoader#load} gives an {@link #equals equal} configuration.
     */
    public String resolvedYaml() {
        return "# dsr4j configuration, fully resolved (built-in defaults <- file <- --set)\n" + YamlWriter.write(resolved);
    }

    /**
     * A copy whose relative file paths are absolute: {@code task.sample_weights}, and {@code task.dataset} when it
     * names an existing file (a path with a directory or an extension; benchmark names have neither). A run writes
     * this copy to its config.yaml, which {@code dsr run --resume} reads back from the run directory: there a path
     * relative to the user's config file or working directory would name another file.
     */
    public DsrConfig withAbsolutePaths() {
        DsrConfig c = this;
        String dataset = task.dataset();
        if (dataset != null && (dataset.indexOf('.') >= 0 || dataset.indexOf('/') >= 0
                || dataset.indexOf(File.separatorChar) >= 0)) {
            try {
                Path p = Path.of(dataset);
                Path abs = resolvePath("task.dataset");
                if (!p.isAbsolute() && Files.isRegularFile(abs)) c = c.with("task.dataset", abs.toString());
            } catch (InvalidPathException e) {
                // not a path: a dataset plugin's own kind of name, kept as written
            }
        }
        try {
            if (task.sampleWeights() != null && !Path.of(task.sampleWeights()).isAbsolute()) {
                c = c.with("task.sample_weights", resolvePath("task.sample_weights").toString());
            }
        } catch (InvalidPathException e) {
            // kept as written: reading it reports the bad path
        }
        return c;
    }

    /** A copy with one value replaced (as {@code --set keyPath=value}), validated again. */
    public DsrConfig with(String keyPath, Object value) {
        return ConfigLoader.fromTree(ConfigLoader.override(tree, keyPath, value), configDir, plugins);
    }

    /** A copy with {@code --set}-style overrides ({@code "training.batch_size=500"}), validated again. */
    public DsrConfig withOverrides(List<String> assignments) {
        ConfigNode.MapNode t = tree;
        for (String a : assignments) t = (ConfigNode.MapNode) ConfigNode.merge(t, ConfigLoader.parseSet(a));
        return ConfigLoader.fromTree(t, configDir, plugins);
    }

    /**
     * Equal when every resolved value is equal, the plugins' declared defaults included (locations and the config
     * directory do not count).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DsrConfig other && resolved.toPlain().equals(other.resolved.toPlain());
    }

    @Override
    public int hashCode() {
        return Objects.hash(resolved.toPlain());
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(experiment.toString());
        parts.add(task.toString());
        parts.add(training.toString());
        parts.add(logging.toString());
        parts.add(policy.toString());
        parts.add(estimator.toString());
        parts.add(gpMeld.toString());
        parts.add(priors.toString());
        return "DsrConfig" + parts;
    }
}
