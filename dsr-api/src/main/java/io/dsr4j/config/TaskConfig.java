package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Params;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section {@code task} (symbolic regression).
 *
 * @param taskType        {@code regression} (the only task type)
 * @param dataset         benchmark name or path of a CSV file (relative paths: see {@link DsrConfig#resolvePath})
 * @param functionSet     explicit function set (token names, numbers as text, {@code const}), or null
 * @param functionSetName a named function set (e.g. {@code Koza}) when {@code function_set} is a single name, or
 *                        null; both null: the benchmark's own set
 * @param metric          reward metric name
 * @param metricParams    the metric's parameters as a list (positional, as DSO writes them), or empty when they are
 *                        given by name
 * @param namedMetricParams the metric's parameters by name ({@code metric_params: {scale: 10}}), or empty when they
 *                        are given as a list
 * @param threshold       success threshold on the noiseless test NMSE
 * @param protectedMode   use protected operators (div, log, exp, ... never produce non-finite values)
 * @param noise           reward noise eta: y_train += N(0, eta * RMS(y_train))
 * @param dataSeed        seed of benchmark data generation (independent of the experiment seed)
 * @param dataFactor      multiplies the benchmark's number of training points
 * @param target          CSV data: name of the target column, or null for the last column
 * @param polyDegree      {@code poly_optimizer_params.degree}: total degree of the {@code poly} token's polynomial
 * @param polyCoefTol     {@code poly_optimizer_params.coef_tol}: its coefficients below this magnitude are dropped
 * @param sampleWeights   path of a file with one weight per training row (relative paths: see
 *                        {@link DsrConfig#resolvePath}), or null: every row weighs the same
 */
public record TaskConfig(String taskType, String dataset, List<String> functionSet, String functionSetName,
                         String metric, List<Double> metricParams, Map<String, Double> namedMetricParams,
                         double threshold, boolean protectedMode, double noise, long dataSeed, double dataFactor,
                         String target, int polyDegree, double polyCoefTol, String sampleWeights) {

    public static final List<String> TASK_TYPES = List.of("regression");

    public TaskConfig {
        functionSet = functionSet == null ? null : List.copyOf(functionSet);
        metricParams = List.copyOf(metricParams);
        namedMetricParams = Collections.unmodifiableMap(new LinkedHashMap<>(namedMetricParams));
    }

    /** True when the benchmark's own function set is to be used. */
    public boolean usesBenchmarkFunctionSet() { return functionSet == null && functionSetName == null; }

    /** The metric parameters written as a list, as an array (see {@link ConfigValidator#metricParams} for both forms). */
    public double[] metricParamArray() {
        return metricParams.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** True when {@code metric_params} names its parameters (a mapping) rather than listing them. */
    public boolean metricParamsByName() { return !namedMetricParams.isEmpty(); }

    static TaskConfig from(Params p) {
        SectionReader r = new SectionReader(p);
        String taskType = r.choice("task_type", TASK_TYPES);
        String dataset = r.string("dataset");
        List<String> functionSet = null;
        String functionSetName = null;
        ConfigNode fs = p.getNode("function_set");
        if (fs instanceof ConfigNode.ScalarNode s && s.value() instanceof String name && !name.contains(",")) {
            if (name.isBlank()) throw p.error("function_set", "must not be empty; " + FUNCTION_SET_ALLOWED);
            functionSetName = name.trim();
        } else if (fs != null && !(fs instanceof ConfigNode.ScalarNode s0 && s0.value() == null)) {
            functionSet = functionSetList(p, fs);
        }
        String metric = r.string("metric");
        Map<String, Double> namedMetricParams = namedMetricParams(p);
        List<Double> metricParams = namedMetricParams.isEmpty() ? metricParams(p) : List.of();
        double threshold = r.positive("threshold");
        boolean protectedMode = r.bool("protected");
        double noise = r.nonNegative("noise");
        long dataSeed = r.anyLong("data_seed");
        double dataFactor = r.positive("data_factor");
        p.check("data_factor", Double.isFinite(dataFactor), dataFactor, "a finite number > 0");
        String target = r.optionalString("target");
        // the reference's names and defaults (§8); only its default regressor (least squares) exists here
        Params poly = p.child("poly_optimizer_params");
        int polyDegree = poly.getInt("degree", 3, 0, 10);
        double polyCoefTol = poly.getDouble("coef_tol", 1e-6, 0, 1e300);
        String sampleWeights = r.optionalString("sample_weights");
        return new TaskConfig(taskType, dataset, functionSet, functionSetName, metric, metricParams,
                namedMetricParams, threshold, protectedMode, noise, dataSeed, dataFactor, target, polyDegree,
                polyCoefTol, sampleWeights);
    }

    static final String FUNCTION_SET_ALLOWED = "allowed: null (the benchmark's own set), a list of tokens such as "
            + "[add, sub, mul, div, sin, cos, exp, log, const, 1.0], or the name of a function set such as Koza";

    private static List<String> functionSetList(Params p, ConfigNode fs) {
        List<String> out = new ArrayList<>();
        if (fs instanceof ConfigNode.ListNode l) {
            for (ConfigNode item : l.items()) {
                if (!(item instanceof ConfigNode.ScalarNode s) || s.value() == null || s.value() instanceof Boolean
                        || String.valueOf(s.value()).isBlank()) {
                    throw ConfigException.at(item.location(), "task.function_set",
                            "entry " + YamlConfigReader.describe(item) + " is not a token; " + FUNCTION_SET_ALLOWED);
                }
                out.add(s.value() instanceof String str ? str.trim() : String.valueOf(s.value()));
            }
        } else if (fs instanceof ConfigNode.ScalarNode s && s.value() instanceof String str) {
            for (String part : str.split(",")) {
                if (!part.isBlank()) out.add(part.trim());
            }
        } else {
            throw p.error("function_set", "expected a list of tokens but found " + YamlConfigReader.describe(fs)
                    + "; " + FUNCTION_SET_ALLOWED);
        }
        if (out.isEmpty()) throw p.error("function_set", "must not be empty; " + FUNCTION_SET_ALLOWED);
        return Collections.unmodifiableList(out);
    }

    /** {@code metric_params} as a mapping of parameter names to numbers; empty when it is not a mapping. */
    private static Map<String, Double> namedMetricParams(Params p) {
        ConfigNode n = p.getNode("metric_params");
        if (!(n instanceof ConfigNode.MapNode m)) return Map.of();
        if (m.entries().isEmpty()) throw p.error("metric_params", "an empty mapping names no parameter; write [] for a "
                + "metric without parameters");
        Map<String, Double> out = new LinkedHashMap<>();
        m.entries().forEach((name, v) -> {
            if (!(v instanceof ConfigNode.ScalarNode s && s.value() instanceof Number num)) {
                throw ConfigException.at(v.location(), "task.metric_params." + name, "expected a number but found " + v.describe());
            }
            out.put(name, num.doubleValue());
        });
        return out;
    }

    private static List<Double> metricParams(Params p) {
        ConfigNode n = p.getNode("metric_params");
        if (n == null || n instanceof ConfigNode.ScalarNode s0 && s0.value() == null) return List.of();
        if (n instanceof ConfigNode.ScalarNode s && s.value() instanceof Number num) return List.of(num.doubleValue());
        List<Double> out = new ArrayList<>();
        for (double d : p.getDoubleList("metric_params", new double[0])) out.add(d);
        return out;
    }
}
