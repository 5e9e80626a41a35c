package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;

import java.util.List;

/**
 * Which part of a grid a {@code dsr bench} call runs: its {@code --quick} version or not, the first {@code --seeds N}
 * seeds, and {@code --variants} / {@code --benchmarks} subsets. The runs of a selection are exactly the runs of the
 * same cells in the whole grid (same settings, same seeds), so a folder can be filled in several selective calls.
 *
 * @param quick      run the grid's quick version
 * @param seeds      seeds 0..N-1 instead of the grid's, or null
 * @param variants   names of the variants to run (a subset of the grid's, or of its quick version's), or null for all
 * @param benchmarks benchmarks to run (a subset of the grid's, as written there), or null for all
 */
public record GridSelection(boolean quick, Integer seeds, List<String> variants, List<String> benchmarks) {

    /** The whole grid. */
    public static final GridSelection ALL = new GridSelection(false, null, null, null);

    public GridSelection {
        variants = variants == null ? null : List.copyOf(variants);
        benchmarks = benchmarks == null ? null : List.copyOf(benchmarks);
    }

    public static GridSelection of(boolean quick, Integer seeds) {
        return new GridSelection(quick, seeds, null, null);
    }

    /**
     * The grid this selection runs.
     *
     * @throws ConfigException for a grid without a quick section under {@code --quick}, {@code --seeds} below 1, or a
     *                         variant or benchmark the grid does not have
     */
    public GridSpec apply(GridSpec grid) {
        GridSpec g = quick ? grid.quickVersion() : grid;
        if (seeds != null) g = g.withSeeds(seeds);
        if (variants != null || benchmarks != null) g = g.select(variants, benchmarks, grid);
        return g;
    }
}
