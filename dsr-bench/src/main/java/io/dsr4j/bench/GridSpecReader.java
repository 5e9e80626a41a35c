package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.config.YamlConfigReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a grid file. Format (all keys but {@code benchmarks} and {@code seeds} optional; any other key is an error):
 * <pre>
 * name: table1                      # default: the file name without .yaml
 * base: base/paper.yaml             # run config, relative to this file; null/absent: built-in defaults
 * overrides:                        # dotted config keys applied to every run
 *   training.n_samples: 2000000
 * variants:                         # ordered; default: one variant "default" with no overrides
 *   dsr: {estimator.type: risk_seeking}
 *   vpg: {estimator.type: vanilla, estimator.epsilon: 1.0}
 * benchmarks: [Nguyen-1, Nguyen-2, data/my.csv]   # names or CSV paths (relative to this file)
 * seeds: 100                        # N: seeds 0..N-1; or a list [0, 7, 42]
 * reference:                        # optional published numbers, one column each; rates in [0, 1]
 *   "Paper, DSR": {Nguyen-1: 1.00, Nguyen-2: 1.00, average: 0.836}
 * figure:                           # optional: recovery against a setting, drawn as trend.png (e.g. noise.yaml)
 *   x: task.noise                   # a config key every variant sets to a number: the x axis
 *   series: task.data_factor        # optional: one line per value of this key
 * quick:                            # the --quick version: any of seeds, benchmarks, variants (subset), overrides
 *   seeds: 2
 *   benchmarks: [Nguyen-1]
 *   overrides: {training.n_samples: 20000}   # applied last, over the variants
 * </pre>
 * Every grid folder also gets summary.png (recovery per variant, pooled over the benchmarks); {@code figure:} adds
 * trend.png, whose x and series values are read from each variant's settings (base config + overrides).
 */
final class GridSpecReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final String AVERAGE = "average";

    private GridSpecReader() { }

    /**
     * @param checkFiles false to read a grid copied into an output folder, where the base config and CSV files it
     *                   names are not next to it (aggregation needs only names, order and references)
     */
    static GridSpec read(Path file, boolean checkFiles) {
        ConfigNode.MapNode root = YamlConfigReader.readFile(file);
        Params p = new Params("", root);
        Path dir = file.toAbsolutePath().getParent();

        String fileName = file.getFileName().toString();
        String name = p.getString("name", fileName.replaceFirst("\\.ya?ml$", ""));

        Path base = null;
        Map<String, Object> baseConfig = Map.of();
        String baseText = p.getString("base", null);
        if (baseText != null) {
            base = dir.resolve(baseText).normalize();
            if (checkFiles) {
                if (!Files.isRegularFile(base)) {
                    throw ConfigException.at(p.getNode("base").location(), "base",
                            "run config '" + baseText + "' not found (looked for " + base + "; the path is relative to the grid file)");
                }
                baseConfig = DottedKeys.asMap(YamlConfigReader.readFile(base).toPlain());
            }
        }

        Map<String, ConfigNode.MapNode> origins = new LinkedHashMap<>();
        Map<String, Object> overrides = overrides(p, "overrides", origins);

        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        ConfigNode vNode = p.getNode("variants");
        if (vNode == null || isNull(vNode)) {
            variants.put("default", Map.of());
        } else if (vNode instanceof ConfigNode.MapNode vm) {
            if (vm.entries().isEmpty()) throw ConfigException.at(vm.location(), "variants", "is empty; omit it for one variant 'default'");
            for (Map.Entry<String, ConfigNode> e : vm.entries().entrySet()) {
                checkName(e.getKey(), vm.keyLocation(e.getKey()), "variants." + e.getKey(), "variant name");
                Params vp = new Params("variants", vm);
                variants.put(e.getKey(), overrides(vp, e.getKey(), origins));
            }
        } else {
            throw ConfigException.at(vNode.location(), "variants", "expected a mapping of variant name → overrides, e.g. "
                    + "variants: {dsr: {estimator.type: risk_seeking}, vpg: {estimator.type: vanilla}}");
        }

        List<String> benchmarks = benchmarks(p, "benchmarks", dir, checkFiles, true);
        List<Long> seeds = seeds(p, "seeds", true);
        List<Reference> references = references(p, benchmarks);

        FigureSpec figure = figure(p);

        GridSpec.Quick quick = null;
        p.markUsed("quick");
        if (p.has("quick") && !p.isNull("quick")) {
            Params q = p.child("quick");
            List<String> qVariants = null;
            if (q.has("variants")) {
                qVariants = q.getStringList("variants", null);
                for (String v : qVariants) {
                    if (!variants.containsKey(v)) {
                        throw ConfigException.at(q.getNode("variants").location(), "quick.variants",
                                "unknown variant '" + v + "'" + Suggestions.hint(v, variants.keySet())
                                        + "; the grid's variants: " + String.join(", ", variants.keySet()));
                    }
                }
                if (qVariants.isEmpty()) throw ConfigException.at(q.getNode("variants").location(), "quick.variants", "is empty");
            }
            quick = new GridSpec.Quick(qVariants, benchmarks(q, "benchmarks", dir, checkFiles, false),
                    seeds(q, "seeds", false), overrides(q, "overrides", origins));
            q.requireAllUsed();
            if (quick.overrides().isEmpty() && quick.benchmarks() == null && quick.seeds() == null && qVariants == null) {
                throw ConfigException.at(q.location(), "quick", "is empty; give seeds, benchmarks, variants or overrides");
            }
        }
        p.requireAllUsed();

        GridSpec spec = new GridSpec(name, file, base, baseConfig, overrides, variants, benchmarks, seeds, references,
                figure, quick, false, origins);
        // Nest every variant's overrides once now, so conflicting keys fail at load time with the grid's name.
        for (String v : variants.keySet()) spec.settings(v);
        if (figure != null && checkFiles) checkFigure(p, spec, figure);
        if (quick != null) {
            GridSpec q = spec.quickVersion();
            for (String v : q.variants().keySet()) q.settings(v);
        }
        return spec;
    }

    private static FigureSpec figure(Params p) {
        p.markUsed("figure");
        if (!p.has("figure") || p.isNull("figure")) return null;
        String usage = "expected figure: {x: KEY, series: KEY} with dotted config keys that the variants set, e.g. "
                + "figure: {x: task.noise, series: task.data_factor}";
        if (!(p.getNode("figure") instanceof ConfigNode.MapNode)) throw ConfigException.at(p.getNode("figure").location(), "figure", usage);
        Params f = p.child("figure");
        if (!f.has("x")) throw ConfigException.at(f.location(), "figure.x", "is required; " + usage);
        String x = f.getString("x", null);
        String series = f.getString("series", null);
        for (String k : new String[]{"x", "series"}) {
            String v = k.equals("x") ? x : series;
            if (v != null && !DottedKeys.isKeyPath(v)) {
                throw ConfigException.at(f.locationOf(k), "figure." + k, "'" + v + "' is not a config key path; " + usage);
            }
        }
        f.requireAllUsed();
        return new FigureSpec(x, series);
    }

    /** Every variant must set the figure's x key to a number and, when given, its series key. */
    private static void checkFigure(Params p, GridSpec spec, FigureSpec figure) {
        for (String v : spec.variants().keySet()) {
            Map<String, Object> settings = spec.settings(v);
            Object x = DottedKeys.get(settings, figure.x());
            if (!(x instanceof Number)) {
                throw ConfigException.at(p.getNode("figure").location(), "figure.x", "variant '" + v + "' "
                        + (x == null ? "does not set " + figure.x() : "sets " + figure.x() + " to '" + x + "', not a number")
                        + "; the figure plots recovery against that key, so every variant must set it to a number "
                        + "(in the variant, the grid's overrides or the base config)");
            }
            if (figure.series() != null && DottedKeys.get(settings, figure.series()) == null) {
                throw ConfigException.at(p.getNode("figure").location(), "figure.series", "variant '" + v
                        + "' does not set " + figure.series() + "; every variant must set it (one line per value)");
            }
        }
    }

    private static boolean isNull(ConfigNode n) {
        return n instanceof ConfigNode.ScalarNode s && s.value() == null;
    }

    /**
     * A mapping of dotted config keys → values; absent or null gives an empty map. Where it was written goes into
     * {@code origins} under its key path.
     */
    private static Map<String, Object> overrides(Params p, String key, Map<String, ConfigNode.MapNode> origins) {
        ConfigNode n = p.getNode(key);
        String path = p.path().isEmpty() ? key : p.path() + "." + key;
        Map<String, Object> out = new LinkedHashMap<>();
        if (n == null || isNull(n)) return out;
        if (!(n instanceof ConfigNode.MapNode m)) {
            throw ConfigException.at(n.location(), path, "expected a mapping of dotted config keys to values, "
                    + "e.g. {training.n_samples: 20000, estimator.entropy_weight: 0.005}");
        }
        for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
            String k = e.getKey();
            if (!DottedKeys.isKeyPath(k)) {
                throw ConfigException.at(m.keyLocation(k), path + "." + k, "is not a config key path (dot-separated names such as training.n_samples)");
            }
            Map<String, Object> nested = DottedKeys.nest(Map.of(k, e.getValue().toPlain()), e.getValue().location().toString());
            for (String runnerKey : GridSpec.RUNNER_KEYS) {
                if (DottedKeys.contains(nested, runnerKey)) {
                    throw ConfigException.at(m.keyLocation(k), path + "." + k, "is set by the bench runner for every run ("
                            + "task.dataset from 'benchmarks', experiment.seed from 'seeds', the run folder from --out); remove it");
                }
            }
            out.put(k, e.getValue().toPlain());
        }
        origins.put(path, OverrideOrigins.nest(m));
        return out;
    }

    private static List<String> benchmarks(Params p, String key, Path dir, boolean checkFiles, boolean required) {
        String path = p.path().isEmpty() ? key : p.path() + "." + key;
        if (!p.has(key) || p.isNull(key)) {
            if (required) throw ConfigException.at(p.location(), path, "is required: a list of benchmark names or CSV files, e.g. [Nguyen-1, Nguyen-2]");
            p.markUsed(key);
            return null;
        }
        ConfigNode n = p.getNode(key);
        List<String> out = p.getStringList(key, List.of());
        if (out.isEmpty()) throw ConfigException.at(n.location(), path, "is empty; list at least one benchmark");
        Set<String> seen = new LinkedHashSet<>();
        for (String b : out) {
            if (!seen.add(b)) throw ConfigException.at(n.location(), path, "lists '" + b + "' twice");
            if (b.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                if (checkFiles && !Files.isRegularFile(dir.resolve(b))) {
                    throw ConfigException.at(n.location(), path, "data file '" + b + "' not found (looked for "
                            + dir.resolve(b).normalize() + "; the path is relative to the grid file)");
                }
            } else if (!NAME.matcher(b).matches()) {
                throw ConfigException.at(n.location(), path, "'" + b + "' is neither a benchmark name (letters, digits, - _ . +) nor a .csv file");
            }
        }
        return out;
    }

    private static List<Long> seeds(Params p, String key, boolean required) {
        String path = p.path().isEmpty() ? key : p.path() + "." + key;
        ConfigNode n = p.getNode(key);
        String usage = "expected a count N (seeds 0..N-1) or a list of seeds, e.g. seeds: 100 or seeds: [0, 1, 7]";
        if (n == null || isNull(n)) {
            if (required) throw ConfigException.at(p.location(), path, "is required; " + usage);
            return null;
        }
        List<Long> out = new ArrayList<>();
        if (n instanceof ConfigNode.ScalarNode s && s.value() instanceof Long count) {
            if (count < 1 || count > 1_000_000) throw ConfigException.at(n.location(), path, "count " + count + " is out of range; allowed: 1 to 1000000");
            for (long i = 0; i < count; i++) out.add(i);
            return out;
        }
        if (n instanceof ConfigNode.ListNode l && !l.items().isEmpty()) {
            Set<Long> seen = new LinkedHashSet<>();
            for (ConfigNode item : l.items()) {
                if (!(item instanceof ConfigNode.ScalarNode s && s.value() instanceof Long seed)) {
                    throw ConfigException.at(item.location(), path, "seed '" + item.toPlain() + "' is not an integer; " + usage);
                }
                if (!seen.add(seed)) throw ConfigException.at(item.location(), path, "lists seed " + seed + " twice");
                out.add(seed);
            }
            return out;
        }
        throw ConfigException.at(n.location(), path, usage);
    }

    private static List<Reference> references(Params p, List<String> benchmarks) {
        List<Reference> out = new ArrayList<>();
        ConfigNode n = p.getNode("reference");
        if (n == null || isNull(n)) return out;
        String usage = "expected reference: {\"column label\": {Nguyen-1: 1.0, ..., average: 0.836}} with recovery rates in [0, 1]";
        if (!(n instanceof ConfigNode.MapNode m)) throw ConfigException.at(n.location(), "reference", usage);
        for (Map.Entry<String, ConfigNode> col : m.entries().entrySet()) {
            String path = "reference." + col.getKey();
            if (!(col.getValue() instanceof ConfigNode.MapNode rates)) throw ConfigException.at(col.getValue().location(), path, usage);
            Map<String, Double> byBenchmark = new LinkedHashMap<>();
            Double average = null;
            for (Map.Entry<String, ConfigNode> r : rates.entries().entrySet()) {
                String key = r.getKey();
                if (!(r.getValue() instanceof ConfigNode.ScalarNode s && s.value() instanceof Number num)) {
                    throw ConfigException.at(r.getValue().location(), path + "." + key, "expected a recovery rate in [0, 1]");
                }
                double rate = num.doubleValue();
                if (!(rate >= 0 && rate <= 1)) {
                    throw ConfigException.at(r.getValue().location(), path + "." + key, "rate " + rate
                            + " is not in [0, 1]" + (rate > 1 && rate <= 100 ? " (write percentages as fractions: " + rate / 100 + ")" : ""));
                }
                if (key.equals(AVERAGE)) {
                    average = rate;
                } else if (!benchmarks.contains(key)) {
                    throw ConfigException.at(r.getValue().location(), path + "." + key, "'" + key + "' is not one of the grid's benchmarks"
                            + Suggestions.hint(key, benchmarks) + " (or 'average')");
                } else {
                    byBenchmark.put(key, rate);
                }
            }
            out.add(new Reference(col.getKey(), byBenchmark, average));
        }
        return out;
    }

    private static void checkName(String name, Location at, String path, String what) {
        if (!NAME.matcher(name).matches()) {
            throw ConfigException.at(at, path, "'" + name + "' is not a valid " + what + " (letters, digits, - _ . +; it names folders and columns)");
        }
    }
}
