package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment grid: variants × benchmarks × seeds over one base run configuration (see {@link GridSpecReader} for
 * the YAML format). Immutable; {@link #quickVersion()} gives the minutes-long version.
 *
 * @param name           grid name (titles of tables and charts)
 * @param file           the grid file (relative paths in it resolve against its folder)
 * @param base           the base run configuration file, or null for the built-in defaults
 * @param baseConfig     the base file's content as plain nested maps (empty for the defaults)
 * @param overrides      dotted keys → values applied to every run
 * @param variants       variant name → its dotted overrides, in table order
 * @param benchmarks     benchmark labels in table order (names, or CSV paths as written in the grid)
 * @param seeds          experiment seeds
 * @param references     published numbers to show beside the measured ones
 * @param figure         the grid's {@code figure:} (recovery against a setting), or null when it declares none
 * @param quick          the quick section, or null when the grid has none
 * @param quickApplied   true for the quick version: variants, benchmarks and seeds are already the quick ones and the
 *                       quick overrides apply last (they win over variants)
 * @param origins        where the grid file wrote its overrides, for error messages: by the grid key that holds them
 *                       ({@code overrides}, {@code variants.NAME}, {@code quick.overrides}), nested into sections
 *                       with their file locations (see {@link #origin})
 */
public record GridSpec(String name, Path file, Path base, Map<String, Object> baseConfig, Map<String, Object> overrides,
                       Map<String, Map<String, Object>> variants, List<String> benchmarks, List<Long> seeds,
                       List<Reference> references, FigureSpec figure, Quick quick, boolean quickApplied,
                       Map<String, ConfigNode.MapNode> origins) {

    /** Keys the runner sets for every run; grids may not set them. */
    static final String DATASET_KEY = "task.dataset";
    static final String SEED_KEY = "experiment.seed";
    static final List<String> RUNNER_KEYS = List.of(DATASET_KEY, SEED_KEY, "experiment.logdir", "experiment.exp_name");

    /**
     * The {@code quick:} section: a smaller version of the grid. Null fields keep the full grid's value.
     *
     * @param variants   subset of the variants to run, or null for all
     * @param benchmarks benchmarks to run, or null for the grid's
     * @param seeds      seeds, or null for the grid's
     * @param overrides  dotted overrides applied after everything else (budget keys such as training.n_samples)
     */
    public record Quick(List<String> variants, List<String> benchmarks, List<Long> seeds, Map<String, Object> overrides) { }

    public GridSpec {
        baseConfig = Collections.unmodifiableMap(new LinkedHashMap<>(baseConfig));
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        benchmarks = List.copyOf(benchmarks);
        seeds = List.copyOf(seeds);
        references = List.copyOf(references);
        origins = Map.copyOf(origins);
    }

    /** Parses and checks a grid file. */
    public static GridSpec load(Path file) {
        return GridSpecReader.read(file, true);
    }

    /** This grid with its quick section applied. */
    public GridSpec quickVersion() {
        if (quickApplied) return this;
        if (quick == null) {
            throw new ConfigException(file + ": this grid has no 'quick:' section, so --quick cannot be used; add one, "
                    + "e.g. quick: {seeds: 2, benchmarks: [Nguyen-1], overrides: {training.n_samples: 20000}}");
        }
        Map<String, Map<String, Object>> vs = variants;
        if (quick.variants() != null) {
            vs = new LinkedHashMap<>();
            for (String v : quick.variants()) vs.put(v, variants.get(v));
        }
        return new GridSpec(name, file, base, baseConfig, overrides, vs,
                quick.benchmarks() != null ? quick.benchmarks() : benchmarks,
                quick.seeds() != null ? quick.seeds() : seeds, references, figure, quick, true, origins);
    }

    /** This grid with seeds 0..n-1 instead of its own (the quick version stays the quick version). */
    public GridSpec withSeeds(int n) {
        if (n < 1) throw new ConfigException("--seeds must be at least 1, got " + n);
        List<Long> s = new java.util.ArrayList<>(n);
        for (long i = 0; i < n; i++) s.add(i);
        return new GridSpec(name, file, base, baseConfig, overrides, variants, benchmarks, s, references, figure, quick,
                quickApplied, origins);
    }

    /**
     * This grid restricted to some of its variants and benchmarks, kept in the grid's order (the settings of each run
     * are unchanged: a selected cell gives the runs it gives in the whole grid).
     *
     * @param variantNames   variants to keep, or null for all
     * @param benchmarkNames benchmarks to keep (as the grid writes them), or null for all
     * @param whole          the grid before {@link #quickVersion()}, to tell a variant that only the quick version lacks
     * @throws ConfigException for an empty list or a name this grid does not have (with the closest name)
     */
    public GridSpec select(List<String> variantNames, List<String> benchmarkNames, GridSpec whole) {
        Map<String, Map<String, Object>> vs = variants;
        if (variantNames != null) {
            java.util.Set<String> wanted = checkSubset("--variants", "variant", variantNames, variants.keySet(),
                    whole.variants().keySet());
            vs = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Object>> e : variants.entrySet()) {
                if (wanted.contains(e.getKey())) vs.put(e.getKey(), e.getValue());
            }
        }
        List<String> bs = benchmarks;
        if (benchmarkNames != null) {
            java.util.Set<String> wanted = checkSubset("--benchmarks", "benchmark", benchmarkNames, benchmarks,
                    whole.benchmarks());
            bs = benchmarks.stream().filter(wanted::contains).toList();
        }
        return new GridSpec(name, file, base, baseConfig, overrides, vs, bs, seeds, references, figure, quick, quickApplied,
                origins);
    }

    private java.util.Set<String> checkSubset(String option, String what, List<String> names,
                                              java.util.Collection<String> own, java.util.Collection<String> wholeGrid) {
        if (names.isEmpty()) throw new ConfigException(option + " is empty; give a comma-separated list of the grid's " + what + "s");
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String n : names) {
            if (own.contains(n)) {
                out.add(n);
                continue;
            }
            String where = quickApplied && wholeGrid.contains(n)
                    ? "'" + n + "' is a " + what + " of " + file + " but not of its --quick version"
                    : "unknown " + what + " '" + n + "'" + io.dsr4j.api.config.Suggestions.hint(n, own) + " in " + file;
            throw new ConfigException(option + ": " + where + "; allowed" + (quickApplied ? " with --quick" : "") + ": "
                    + String.join(", ", own));
        }
        return out;
    }

    /** Number of runs in the grid. */
    public int runCount() {
        return variants.size() * benchmarks.size() * seeds.size();
    }

    /**
     * All runs, seeds outermost, then benchmarks, then variants: an interrupted grid has the same number of seeds in
     * every cell of its table, so partial results are not biased towards early benchmarks.
     */
    public List<RunSpec> expand() {
        List<RunSpec> out = new ArrayList<>(runCount());
        for (long seed : seeds) {
            for (String benchmark : benchmarks) {
                for (Map.Entry<String, Map<String, Object>> v : variants.entrySet()) {
                    Map<String, Object> o = new LinkedHashMap<>(variantOverrides(v.getKey()));
                    o.put(DATASET_KEY, dataset(benchmark));
                    o.put(SEED_KEY, seed);
                    out.add(new RunSpec(v.getKey(), benchmark, seed, base, o));
                }
            }
        }
        return out;
    }

    /** The grid's, the variant's and the quick overrides, in the order they apply. */
    Map<String, Object> variantOverrides(String variant) {
        Map<String, Object> o = new LinkedHashMap<>(overrides);
        o.putAll(variants.get(variant));
        if (quickApplied) o.putAll(quick.overrides());
        return o;
    }

    /**
     * Where the grid file wrote {@link #variantOverrides} of {@code variant}: the same keys nested into sections, with
     * their places in the file (values may differ in form: they only lend their locations); null when it wrote none.
     */
    public ConfigNode.MapNode origin(String variant) {
        return OverrideOrigins.merge(origins.get("overrides"), origins.get("variants." + variant),
                quickApplied ? origins.get("quick.overrides") : null);
    }

    /**
     * Everything that determines a variant's results apart from benchmark and seed: the base configuration with the
     * overrides applied, as nested maps. Two grids whose variant settings are equal produce the same runs.
     */
    public Map<String, Object> settings(String variant) {
        Map<String, Object> s = DottedKeys.merge(baseConfig,
                DottedKeys.nest(variantOverrides(variant), key -> place(variant, key)));
        for (String k : RUNNER_KEYS) DottedKeys.remove(s, k);
        return s;
    }

    /** "FILE:LINE:COL: variant 'V'" for the dotted override {@code key} that {@code variant} applies (no line if unknown). */
    private String place(String variant, String key) {
        String scope = quickApplied && quick.overrides().containsKey(key) ? "quick.overrides"
                : variants.get(variant).containsKey(key) ? "variants." + variant : "overrides";
        int dot = key.lastIndexOf('.');
        ConfigNode parent = dot < 0 ? origins.get(scope) : ConfigNode.find(origins.get(scope), key.substring(0, dot));
        String where = parent instanceof ConfigNode.MapNode m && m.get(key.substring(dot + 1)) != null
                ? m.keyLocation(key.substring(dot + 1)).toString() : file.toString();
        return where + ": variant '" + variant + "'";
    }

    /** What {@code task.dataset} gets for a benchmark label: the name, or a CSV path made absolute. */
    String dataset(String benchmark) {
        if (!benchmark.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) return benchmark;
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(benchmark).normalize().toString();
    }
}
