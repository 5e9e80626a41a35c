package io.dsr4j.bench;

import io.dsr4j.train.run.AtomicFiles;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.programs.symbolic.SymbolicMath;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsr4j.train.report.Provenance;

/**
 * Entry points behind {@code dsr bench GRID.yaml [--out DIR] [--parallel P] [--quick] [--seeds N]}: run a grid, then aggregate
 * its results into {@code table.md}, {@code table.csv} and {@code recovery.png} in the output folder.
 */
public final class BenchApp {

    public static final String TABLE_MD = "table.md";
    public static final String TABLE_CSV = "table.csv";
    public static final String CHART_PNG = "recovery.png";
    public static final String SUMMARY_PNG = "summary.png";
    public static final String TREND_PNG = "trend.png";
    public static final String TABLE_TEX = "table.tex";
    public static final String REPORT_MD = GridReport.FILE;

    /** Exit codes of {@link #run}. User errors are {@link ConfigException}s, which the CLI reports with code 2. */
    public static final int OK = 0;
    public static final int SOME_RUNS_FAILED = 1;
    /** Stopped by Ctrl-C or SIGTERM before every run finished (128 + SIGINT, as {@code dsr run}); resumable. */
    public static final int INTERRUPTED = 130;

    private BenchApp() { }

    /**
     * Runs what is missing of a grid into {@code outDir} and aggregates everything there.
     *
     * @param outDir   output folder; null: {@link #defaultOutDir}
     * @param parallel runs at once (each run also uses its own {@code training.n_threads})
     * @param quick    run the grid's {@code quick:} version
     * @param out      progress and the final table (failures also go to standard error)
     * @return {@link #OK}, or {@link #SOME_RUNS_FAILED} when a run failed (the rest ran; run again to retry)
     * @throws ConfigException for a bad grid file, a folder holding results of other settings, or a configuration
     *                         the executor rejects
     */
    public static int run(Path gridFile, Path outDir, int parallel, boolean quick, RunExecutor executor, PrintStream out)
            throws IOException, InterruptedException {
        return run(gridFile, outDir, parallel, quick, null, executor, out);
    }

    /**
     * As {@link #run(Path, Path, int, boolean, RunExecutor, PrintStream)}, with the first {@code seeds} seeds
     * (0..seeds-1) instead of the grid's (or its quick version's), e.g. 10 seeds of the 100-seed Table 1 grid.
     *
     * @param seeds number of seeds, or null for the grid's
     */
    public static int run(Path gridFile, Path outDir, int parallel, boolean quick, Integer seeds, RunExecutor executor,
                          PrintStream out) throws IOException, InterruptedException {
        return run(gridFile, outDir, parallel, GridSelection.of(quick, seeds), executor, out);
    }

    /**
     * As {@link #run(Path, Path, int, boolean, RunExecutor, PrintStream)}, running the part of the grid that
     * {@code selection} names ({@code --quick}, {@code --seeds}, {@code --variants}, {@code --benchmarks}).
     */
    public static int run(Path gridFile, Path outDir, int parallel, GridSelection selection, RunExecutor executor,
                          PrintStream out) throws IOException, InterruptedException {
        return run(gridFile, outDir, parallel, selection, executor, () -> false, out);
    }

    /**
     * As {@link #run(Path, Path, int, GridSelection, RunExecutor, PrintStream)}, stopping when {@code stop} turns true
     * (see {@link #run(Path, Path, GridSelection, RunExecutor, RunDispatcher, BooleanSupplier, PrintStream)}).
     */
    public static int run(Path gridFile, Path outDir, int parallel, GridSelection selection, RunExecutor executor,
                          BooleanSupplier stop, PrintStream out) throws IOException, InterruptedException {
        if (parallel < 1) throw new ConfigException("--parallel must be at least 1, found " + parallel);
        return run(gridFile, outDir, selection, executor, new ThreadDispatcher(executor, parallel), stop, out);
    }

    /**
     * As {@link #run(Path, Path, int, boolean, Integer, RunExecutor, PrintStream)}, with the runs executed by
     * {@code dispatcher} (e.g. Spark tasks) instead of threads of this JVM.
     *
     * @param executor validates every variant × benchmark here before anything runs
     */
    public static int run(Path gridFile, Path outDir, boolean quick, Integer seeds, RunExecutor executor,
                          RunDispatcher dispatcher, PrintStream out) throws IOException, InterruptedException {
        return run(gridFile, outDir, GridSelection.of(quick, seeds), executor, dispatcher, out);
    }

    /**
     * As {@link #run(Path, Path, boolean, Integer, RunExecutor, RunDispatcher, PrintStream)}, running the part of the
     * grid that {@code selection} names. The tables cover every run in the folder's results.csv, selected or not.
     */
    public static int run(Path gridFile, Path outDir, GridSelection selection, RunExecutor executor,
                          RunDispatcher dispatcher, PrintStream out) throws IOException, InterruptedException {
        return run(gridFile, outDir, selection, executor, dispatcher, () -> false, out);
    }

    /**
     * As {@link #run(Path, Path, GridSelection, RunExecutor, RunDispatcher, PrintStream)}, stopping when {@code stop}
     * turns true (Ctrl-C, SIGTERM): runs in flight stop after their current iteration and keep their checkpoints,
     * nothing is recorded for them or for runs not started, the tables are left as they were (no aggregation on the
     * way out), and one line on standard error says how many runs finished and how to resume.
     *
     * @return {@link #OK}, {@link #SOME_RUNS_FAILED}, or {@link #INTERRUPTED} when the stop came before the end
     */
    public static int run(Path gridFile, Path outDir, GridSelection selection, RunExecutor executor,
                          RunDispatcher dispatcher, BooleanSupplier stop, PrintStream out)
            throws IOException, InterruptedException {
        boolean quick = selection.quick();
        GridSpec grid = selection.apply(GridSpec.load(gridFile));
        Path dir = outDir != null ? outDir : defaultOutDir(grid, quick);
        GridRunner runner = new GridRunner(grid, executor, dispatcher, dir, quick);
        runner.stopWhen(stop);
        GridRunner.Report report;
        SymbolicMath[] math = new SymbolicMath[1]; // Symja starts only if older results need symbolic columns
        runner.backfillWith(() -> math[0] != null ? math[0] : (math[0] = SymbolicMath.createInChildProcess()));
        try {
            report = runner.run(out, System.err);
        } finally {
            if (math[0] != null) math[0].close();
        }
        Provenance provenance = executor.provenance();
        if (provenance != null) {
            try {
                provenance.writeTo(dir);
            } catch (IOException | RuntimeException e) {
                System.err.println("dsr: warning: could not write " + dir.resolve(Provenance.FILE) + ": " + e);
            }
        }
        if (report.interrupted()) {
            System.err.println(interruptedLine(report, dir));
            return INTERRUPTED;
        }
        ResultsTable table = aggregate(dir);
        out.println();
        out.print(table.markdown(quick));
        out.printf("%nRan %d, %d already done, %d failed. %s%n", report.executed(), report.skipped(), report.failed(),
                written(dir));
        return report.failed() > 0 ? SOME_RUNS_FAILED : OK;
    }

    /**
     * {@code dsr bench --aggregate-only}: {@link #aggregate} {@code outDir}, then one line saying what it read and
     * wrote, like the last line of a grid.
     */
    public static void aggregateOnly(Path outDir, PrintStream out) throws IOException {
        List<ResultRow> rows = readResults(outDir);
        aggregate(outDir, rows);
        out.printf("Read %d run(s) from %s. %s%n", rows.size(), outDir.resolve(ResultsFile.NAME), written(outDir));
    }

    /** "Tables: ...; charts: ...; report: ..." as written in {@code dir} by {@link #aggregate}. */
    private static String written(Path dir) {
        List<Path> charts = new java.util.ArrayList<>();
        for (String png : List.of(CHART_PNG, SUMMARY_PNG, TREND_PNG)) {
            if (Files.exists(dir.resolve(png))) charts.add(dir.resolve(png));
        }
        return String.format("Tables: %s, %s, %s; charts: %s; report: %s", dir.resolve(TABLE_MD), dir.resolve(TABLE_CSV),
                dir.resolve(TABLE_TEX), charts.isEmpty() ? "none (no run finished)" : charts.stream().map(Path::toString)
                        .collect(java.util.stream.Collectors.joining(", ")), dir.resolve(REPORT_MD));
    }

    /** The one line an interrupted grid ends with: what finished, what was cut off, how to resume. */
    static String interruptedLine(GridRunner.Report report, Path dir) {
        int left = report.total() - report.skipped() - report.succeeded();
        return String.format(java.util.Locale.ROOT, "dsr: interrupted: %d run(s) finished in this call%s, %d of %d in "
                        + "%s; %d left%s. Run the same command again to resume (tables not updated; "
                        + "'--aggregate-only --out %s' rebuilds them now)", report.succeeded(),
                report.failed() > 0 ? " (" + report.failed() + " failed)" : "", report.skipped() + report.succeeded(),
                report.total(), dir.resolve(ResultsFile.NAME), left,
                report.stopped() > 0 ? ", " + report.stopped() + " of them stopped mid-run with a checkpoint to continue from" : "",
                dir);
    }

    /** {@code bench/<grid name>} (or {@code bench/<grid name>-quick}) in the working directory. */
    public static Path defaultOutDir(GridSpec grid, boolean quick) {
        return Path.of("bench", grid.name() + (quick ? "-quick" : ""));
    }

    /**
     * Aggregates {@code outDir/results.csv} into {@code table.md}, {@code table.csv}, {@code table.tex} (booktabs),
     * {@code recovery.png}, {@code summary.png} (recovery per variant), {@code trend.png} (when the grid declares a
     * {@code figure:}) and {@code report.md} there. Row/column order, reference numbers and the figure come from the
     * grid copy {@code outDir/grid.yaml} when present; whether the grid ran {@code --quick} and each variant's settings
     * from {@code settings.yaml}. Every run in results.csv counts, whichever selection ran it. The charts are extras:
     * failing to draw one is a warning.
     *
     * @throws ConfigException when the folder has no results file or it is malformed
     */
    public static ResultsTable aggregate(Path outDir) throws IOException {
        return aggregate(outDir, readResults(outDir));
    }

    private static List<ResultRow> readResults(Path outDir) throws IOException {
        Path resultsFile = outDir.resolve(ResultsFile.NAME);
        if (!Files.exists(resultsFile)) throw ResultsFile.missing(outDir);
        return ResultsFile.read(resultsFile);
    }

    private static ResultsTable aggregate(Path outDir, List<ResultRow> rows) throws IOException {
        Path gridCopy = outDir.resolve(ResumeGuard.GRID_COPY);
        ResultsTable table;
        FigureSpec figure = null;
        if (Files.exists(gridCopy)) {
            GridSpec grid = GridSpecReader.read(gridCopy, false);
            table = ResultsTable.of(grid.name(), rows, grid.benchmarks(), List.copyOf(grid.variants().keySet()), grid.references());
            figure = grid.figure();
        } else {
            table = ResultsTable.of(outDir.getFileName().toString(), rows, List.of(), List.of(), List.of());
        }
        boolean quick = ResumeGuard.recordedQuick(outDir);
        AtomicFiles.write(outDir.resolve(TABLE_MD), table.markdown(quick));
        AtomicFiles.write(outDir.resolve(TABLE_CSV), table.csv());
        AtomicFiles.write(outDir.resolve(TABLE_TEX), new LatexTable(table, quick).render());
        draw(outDir.resolve(CHART_PNG), () -> new RecoveryChart(table, quick).write(outDir.resolve(CHART_PNG)));
        boolean summary = draw(outDir.resolve(SUMMARY_PNG), () -> new SummaryChart(table, quick).write(outDir.resolve(SUMMARY_PNG)));
        TrendChart trend = figure == null ? null
                : new TrendChart(table, figure, ResumeGuard.recordedSettings(outDir), quick);
        if (trend == null) Files.deleteIfExists(outDir.resolve(TREND_PNG)); // the grid no longer declares a figure
        boolean trendDrawn = trend != null && draw(outDir.resolve(TREND_PNG), () -> trend.write(outDir.resolve(TREND_PNG)));
        AtomicFiles.write(outDir.resolve(REPORT_MD), GridReport.render(table, rows, quick, provenance(outDir),
                new GridReport.Figures(summary, trendDrawn ? trend : null)));
        return table;
    }

    private interface Drawing {
        boolean draw() throws IOException;
    }

    /** Draws a chart; a failure (e.g. no fonts on a stripped-down JVM) is a warning, never a failed aggregation. */
    private static boolean draw(Path png, Drawing drawing) {
        try {
            return drawing.draw();
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("dsr: warning: could not draw " + png + ": " + e);
            return false;
        }
    }

    /** Every session recorded in {@code outDir/provenance.yaml}, oldest first (empty when there is none). */
    static List<Map<String, Object>> provenance(Path outDir) {
        Path f = outDir.resolve(Provenance.FILE);
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        if (!Files.exists(f)) return out;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            for (String doc : Files.readString(f, StandardCharsets.UTF_8).split("(?m)^---\\s*$")) {
                if (doc.isBlank()) continue;
                Object v = yaml.readValue(doc, Object.class);
                if (v instanceof Map<?, ?>) out.add(DottedKeys.asMap(v));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("dsr: warning: could not read " + f + " for the report: " + e);
        }
        return out;
    }
}
