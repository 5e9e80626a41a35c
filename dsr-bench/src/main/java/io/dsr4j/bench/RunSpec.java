package io.dsr4j.bench;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a grid: a variant on a benchmark with a seed.
 *
 * @param variant    variant name (a column of the results table)
 * @param benchmark  benchmark label as written in the grid (a benchmark name, or a CSV path as written)
 * @param seed       experiment seed
 * @param baseConfig run configuration file the overrides apply to, or null for the built-in defaults
 * @param overrides  dotted config keys → values, in the order to apply them over the base: the grid's overrides, the
 *                   variant's, the quick section's, then {@code task.dataset} (benchmark name or absolute CSV path)
 *                   and {@code experiment.seed}. Applying these to {@code baseConfig} gives the complete run config.
 */
public record RunSpec(String variant, String benchmark, long seed, Path baseConfig, Map<String, Object> overrides) {

    public RunSpec {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The overrides nested into sections ({@code {training: {n_samples: ...}}}), ready to merge over a config tree. */
    public Map<String, Object> nestedOverrides() {
        return DottedKeys.nest(overrides, "run " + key());
    }

    /** What {@code task.dataset} is set to: the benchmark name or the absolute path of its CSV file. */
    public String dataset() {
        return String.valueOf(overrides.get(GridSpec.DATASET_KEY));
    }

    /** "variant/benchmark/seed", unique within a grid. */
    public String key() {
        return variant + "/" + benchmark + "/" + seed;
    }
}
