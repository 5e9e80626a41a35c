package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.settings.FrameworkKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks every plugin name a configuration uses against the installed plugins before any work starts, so that a
 * typo fails in milliseconds with file, line and "did you mean" instead of after data generation.
 */
public final class ConfigValidator {

    /** Named constants accepted in a function set besides numbers. */
    public static final Set<String> NAMED_CONSTANTS = Set.of("pi", "e");

    private static final Pattern INPUT = Pattern.compile("x[0-9]+");

    private ConfigValidator() { }

    /**
     * Fails on an unknown {@code policy.type}, {@code estimator.type}, {@code task.metric},
     * {@code training.const_optimizer.type}, {@code training.complexity}, prior name (of enabled priors and of any prior entry the user wrote) or
     * {@code task.function_set} entry. A function-set entry may be a registered token, {@code protected_NAME} of a
     * registered token, {@code const}, a number, {@code pi} or {@code e}; a single name is a named function set.
     *
     * Then checks {@code task.metric_params} and every plugin section's keys ({@link #checkSettings}).
     *
     * @param functionSetNames the known named function sets (e.g. Koza, Keijzer), or null when the caller cannot
     *                         tell (a single name is then not checked)
     * @return the configuration resolved with the registry's plugins (their defaults filled in)
     */
    public static DsrConfig checkNames(DsrConfig config, PluginRegistry registry, Set<String> functionSetNames) {
        checkType(registry, PluginKind.POLICY, config.policy());
        checkType(registry, PluginKind.GRADIENT_ESTIMATOR, config.estimator());
        checkPairing(config, registry.policies().get(config.policy().type()),
                registry.estimators().get(config.estimator().type()));
        RewardFactory metric = registry.require(PluginKind.REWARD, config.task().metric(),
                config.locationOf("task.metric"), "task.metric");
        checkType(registry, PluginKind.CONSTANT_OPTIMIZER, config.training().constOptimizer());
        registry.require(PluginKind.COMPLEXITY, config.training().complexity(), config.locationOf("training.complexity"),
                "training.complexity");
        if (augmenterOn(config)) checkType(registry, PluginKind.BATCH_AUGMENTER, config.gpMeld());
        for (PriorSection p : config.priors()) {
            if (p.on() || p.userWritten()) {
                registry.require(PluginKind.PRIOR, p.name(), p.location(), "prior." + p.name());
            }
        }
        checkFunctionSet(config, registry, functionSetNames);
        checkMetricParams(config, metric);
        DsrConfig resolved = config.withPlugins(registry);
        checkSettings(resolved);
        return resolved;
    }

    /**
     * Checks every plugin section against what its plugin declares ({@link io.dsr4j.api.settings.Settings}): types,
     * ranges, allowed values and unknown keys (with "did you mean"), plus the framework's own keys of the policy and
     * estimator sections. Sections of plugins that declare nothing are checked when a run builds them.
     *
     * @param config a configuration resolved with the installed plugins ({@link DsrConfig#withPlugins})
     */
    public static void checkSettings(DsrConfig config) {
        check(config.policy(), FrameworkKeys.POLICY);
        check(config.estimator(), FrameworkKeys.ESTIMATOR);
        check(config.training().constOptimizer(), null);
        if (augmenterOn(config)) check(config.gpMeld(), FrameworkKeys.AUGMENTER);
        for (PriorSection p : config.priors()) {
            if (p.on()) p.settings().validate(p.params());
        }
    }

    /** Whether {@code gp_meld.on} is true (its other keys are read only then). */
    public static boolean augmenterOn(DsrConfig config) {
        return FrameworkKeys.AUGMENTER_ON.read(config.gpMeld().params());
    }

    private static void check(PluginSection section, io.dsr4j.api.settings.Settings framework) {
        Params p = section.params();
        if (framework != null) framework.list().forEach(s -> s.read(p));
        section.settings().validate(p);
    }

    /** {@code task.metric_params} must give exactly the metric's parameters (checked again when it is built). */
    public static void checkMetricParams(DsrConfig config, RewardFactory metric) {
        metricParams(config, metric);
        String weights = config.task().sampleWeights();
        if (weights != null && !metric.supportsSampleWeights()) {
            Location at = config.locationOf("task.sample_weights");
            throw ConfigException.at(at == null ? Location.DEFAULTS : at, "task.sample_weights", "metric '"
                    + config.task().metric() + "' does not support sample weights; the built-in metrics that do: "
                    + "neg_mse, neg_rmse, neg_nmse, neg_nrmse, neglog_mse, inv_mse, inv_nmse, inv_nrmse, fraction");
        }
    }

    /** A policy and an estimator that declare they only work with each other ({@code gp}) must come together. */
    static void checkPairing(DsrConfig config, PolicyFactory policy, EstimatorFactory estimator) {
        String pol = config.policy().type();
        String est = config.estimator().type();
        String needsEstimator = policy.requiredEstimator();
        if (needsEstimator != null && !needsEstimator.equals(est)) {
            throw ConfigException.at(config.policy().typeLocation(), "policy.type",
                    "policy.type '" + pol + "' can only be trained by estimator.type '" + needsEstimator + "', but "
                            + "estimator.type is '" + est + "' (policy '" + pol + "': " + policy.description()
                            + "); set estimator.type: " + needsEstimator + ", or choose a policy that '" + est
                            + "' can train (./dsr plugins lists them)");
        }
        String needsPolicy = estimator.requiredPolicy();
        if (needsPolicy != null && !needsPolicy.equals(pol)) {
            throw ConfigException.at(config.estimator().typeLocation(), "estimator.type",
                    "estimator.type '" + est + "' can only train policy.type '" + needsPolicy + "', but policy.type is '"
                            + pol + "' (estimator '" + est + "': " + estimator.description() + "); set policy.type: "
                            + needsPolicy + ", or choose an estimator that trains '" + pol + "' such as risk_seeking "
                            + "(./dsr plugins lists them)");
        }
    }

    /**
     * The metric's parameters in the order of {@link RewardFactory#parameterNames()}: {@code task.metric_params}
     * as a list (positional, as DSO writes it) must have exactly as many numbers; as a mapping it must name each
     * parameter once ({@code {scale: 10}}), with "did you mean" for a misspelt name.
     */
    public static double[] metricParams(DsrConfig config, RewardFactory metric) {
        TaskConfig tc = config.task();
        List<String> names = metric.parameterNames();
        Location at = config.locationOf("task.metric_params");
        Location where = at == null ? Location.DEFAULTS : at;
        String expected = names.isEmpty() ? "none (write metric_params: [])" : String.join(", ", names);
        if (!tc.metricParamsByName()) {
            double[] mp = tc.metricParamArray();
            if (mp.length != names.size()) {
                throw ConfigException.at(where, "task.metric_params",
                        "metric '" + tc.metric() + "' takes " + names.size() + " parameter(s) but " + mp.length
                                + " were given (e.g. metric_params: [] for neg_* metrics); its parameters: " + expected);
            }
            return mp;
        }
        Map<String, Double> named = tc.namedMetricParams();
        for (String key : named.keySet()) {
            if (!names.contains(key)) {
                ConfigNode mp = ConfigNode.find(config.tree(), "task.metric_params");
                Location k = mp instanceof ConfigNode.MapNode m ? m.keyLocation(key) : null;
                throw ConfigException.at(k == null ? where : k, "task.metric_params." + key, "metric '" + tc.metric()
                        + "' has no parameter '" + key + "'" + Suggestions.hint(key, names) + "; its parameters: " + expected);
            }
        }
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = named.get(names.get(i));
            if (v == null) {
                throw ConfigException.at(where, "task.metric_params", "metric '" + tc.metric() + "' needs parameter '"
                        + names.get(i) + "' (its parameters: " + expected + ")");
            }
            out[i] = v;
        }
        return out;
    }

    private static void checkType(PluginRegistry registry, PluginKind kind, PluginSection section) {
        registry.require(kind, section.type(), section.typeLocation(), section.typeKeyPath());
    }

    private static void checkFunctionSet(DsrConfig config, PluginRegistry registry, Set<String> functionSetNames) {
        TaskConfig task = config.task();
        ConfigNode node = ConfigNode.find(config.tree(), "task.function_set");
        Set<String> tokens = registry.names(PluginKind.TOKEN);
        if (task.functionSetName() != null) {
            String name = task.functionSetName();
            if (functionSetNames == null || functionSetNames.contains(name)) return;
            String single = isToken(name, tokens) ? "; for a function set of the single token '" + name
                    + "' write [" + name + "]" : "";
            throw ConfigException.at(node.location(), "task.function_set", "unknown function set '" + name + "'"
                    + Suggestions.hint(name, functionSetNames) + "; available: "
                    + String.join(", ", new TreeSet<>(functionSetNames)) + single
                    + "; or a list of tokens such as [add, mul, sin, const]");
        }
        if (task.functionSet() == null) return;
        List<String> entries = task.functionSet();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (isToken(entry, tokens)) continue;
            Location at = node instanceof ConfigNode.ListNode l && i < l.items().size()
                    ? l.items().get(i).location() : node.location();
            List<String> candidates = new ArrayList<>(tokens);
            candidates.add("const");
            candidates.addAll(NAMED_CONSTANTS);
            String problem;
            if (INPUT.matcher(entry).matches()) {
                problem = "'" + entry + "' is an input variable; inputs x1..xn are added to the library automatically "
                        + "(one per data column), list only functions and constants";
            } else {
                problem = "unknown token '" + entry + "'" + Suggestions.hint(entry, candidates) + "; available: "
                        + (tokens.isEmpty() ? "(no token plugin installed)" : String.join(", ", tokens))
                        + ", protected_NAME of those, const, pi, e or a number";
            }
            throw ConfigException.at(at, "task.function_set", problem);
        }
    }

    private static boolean isToken(String entry, Set<String> tokens) {
        if (tokens.contains(entry) || entry.equals("const") || NAMED_CONSTANTS.contains(entry)) return true;
        if (entry.startsWith("protected_") && tokens.contains(entry.substring("protected_".length()))) return true;
        try {
            double d = Double.parseDouble(entry);
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
