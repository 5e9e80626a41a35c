package io.dsr4j.programs.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsr4j.api.config.ConfigException;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a benchmark samples its inputs: a map from {@code "all"} or {@code "x1".."xn"} to a distribution, as in the
 * reference's {@code benchmarks.csv} ({@code {"all":{"U":[low,high,n]}}} or {@code {"x1":{"E":[start,stop,step]}}}).
 * A variable's entry is looked up as {@code "all"} → {@code "x{i}"} → {@code "x1"} (the reference's order).
 * All variables must use the same kind of distribution (the reference cannot combine U and E either).
 */
public record SamplingSpec(Map<String, Distribution> entries) {

    /** One variable's distribution. */
    public sealed interface Distribution permits Uniform, Grid { }

    /** {@code U: [low, high, count]}: {@code count} independent uniform draws in [low, high). */
    public record Uniform(double low, double high, int count) implements Distribution { }

    /**
     * {@code E: [start, stop, step]}: an evenly spaced grid including both ends with
     * {@code int((stop - start) / step) + 1} points; if {@code step > stop - start} the third value is the number of
     * points instead (the reference's rule, used by R1–R3, Nonic, GrammarVAE-1).
     */
    public record Grid(double start, double stop, double step) implements Distribution {

        public int count() {
            double range = stop - start;
            double n = step > range ? step : (int) (range / step) + 1;
            return (int) n;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SamplingSpec {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The distribution of variable {@code i} (1-based): "all", else "x{i}", else "x1". */
    public Distribution forVariable(int i) {
        Distribution d = entries.get("all");
        if (d == null) d = entries.get("x" + i);
        if (d == null) d = entries.get("x1");
        if (d == null) throw new IllegalStateException("no distribution for x" + i);
        return d;
    }

    /** True if every variable is sampled on a grid (E), false if every variable is drawn uniformly (U). */
    public boolean isGrid() {
        return entries.values().iterator().next() instanceof Grid;
    }

    /**
     * The reference's spec syntax (a Python dict literal that is also JSON); {@code None} gives null.
     *
     * @param where names the source for error messages, e.g. "benchmarks.csv line 3 (Nguyen-1), train_spec"
     */
    public static SamplingSpec parse(String text, int variableCount, String where) {
        String t = text.trim();
        if (t.equals("None") || t.isEmpty()) return null;
        JsonNode root;
        try {
            root = JSON.readTree(t);
        } catch (Exception e) {
            throw new ConfigException(where + ": cannot parse sampling spec '" + t + "': " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new ConfigException(where + ": sampling spec must be a non-empty mapping like "
                    + "{\"all\": {\"U\": [-1, 1, 20]}}, got '" + t + "'");
        }
        Map<String, Distribution> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!key.equals("all") && !key.matches("x[1-9][0-9]*")) {
                throw new ConfigException(where + ": unknown sampling key '" + key + "'; allowed: all, x1..x" + variableCount);
            }
            entries.put(key, distribution(e.getValue(), where + " [" + key + "]"));
        }
        if (!entries.containsKey("all") && !entries.containsKey("x1")) {
            throw new ConfigException(where + ": sampling spec needs an 'all' or 'x1' entry (the fallback for unlisted variables)");
        }
        SamplingSpec spec = new SamplingSpec(entries);
        spec.validate(variableCount, where);
        return spec;
    }

    private static Distribution distribution(JsonNode node, String where) {
        if (!node.isObject() || node.size() != 1) {
            throw new ConfigException(where + ": expected {\"U\": [low, high, n]} or {\"E\": [start, stop, step]}");
        }
        String kind = node.fieldNames().next();
        JsonNode v = node.get(kind);
        if (!v.isArray() || v.size() != 3 || !v.get(0).isNumber() || !v.get(1).isNumber() || !v.get(2).isNumber()) {
            throw new ConfigException(where + ": '" + kind + "' needs three numbers, got " + v);
        }
        double a = v.get(0).asDouble();
        double b = v.get(1).asDouble();
        double c = v.get(2).asDouble();
        switch (kind) {
            case "U" -> {
                if (!(b > a) || c < 1 || c != Math.rint(c)) {
                    throw new ConfigException(where + ": U needs low < high and a positive integer count, got " + v);
                }
                return new Uniform(a, b, (int) c);
            }
            case "E" -> {
                if (!(b > a) || !(c > 0)) {
                    throw new ConfigException(where + ": E needs start < stop and a positive step, got " + v);
                }
                if (c > b - a && c != Math.rint(c)) {
                    throw new ConfigException(where + ": E step larger than the range means a point count and must be an integer, got " + v);
                }
                return new Grid(a, b, c);
            }
            default -> throw new ConfigException(where + ": unknown distribution '" + kind + "'; allowed: U (uniform), E (evenly spaced)");
        }
    }

    private void validate(int variableCount, String where) {
        boolean grid = isGrid();
        Integer uniformCount = null;
        for (int i = 1; i <= variableCount; i++) {
            Distribution d = forVariable(i);
            if ((d instanceof Grid) != grid) {
                throw new ConfigException(where + ": all variables must use the same distribution kind (all U or all E)");
            }
            if (d instanceof Uniform u) {
                if (uniformCount != null && uniformCount != u.count()) {
                    throw new ConfigException(where + ": all U entries must draw the same number of points");
                }
                uniformCount = u.count();
            }
        }
    }
}
