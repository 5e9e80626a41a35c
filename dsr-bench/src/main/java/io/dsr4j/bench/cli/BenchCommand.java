package io.dsr4j.bench.cli;

import io.dsr4j.bench.BenchApp;
import io.dsr4j.bench.GridSelection;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.bench.spark.SparkBench;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.train.cli.DsrCli;
import io.dsr4j.train.run.OutputDirs;
import io.dsr4j.train.run.SignalStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dsr bench GRID.yaml}: run (or resume) an experiment grid and tabulate it. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a grid of variants x benchmarks x seeds (configs/paper/*.yaml), appending each finished run "
                + "to DIR/results.csv; rerunning skips finished runs. Writes table.md, table.csv, table.tex, recovery.png, report.md and provenance.yaml.",
                "Exit codes: 0 every run finished, 1 a run failed (listed in DIR/failures.csv; rerun to retry), "
                        + "2 bad input (grid, configuration, or DIR in use), 130 interrupted."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GRID", description = "Grid YAML file.")
    Path grid;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default bench/<grid name>[-quick]).")
    Path out;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1", description = "Runs at once (default 1).")
    int parallel;

    @Option(names = "--quick", description = "Run the grid's quick version (minutes, few seeds, small budget).")
    boolean quick;

    @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 0..N-1 instead of the grid's seeds "
            + "(e.g. 10 of Table 1's 100); finished runs of other seeds in DIR still count in the table.")
    Integer seeds;

    @Option(names = "--variants", paramLabel = "V,...", split = ",", description = "Run only these of the grid's "
            + "variants (its --quick variants with --quick); the runs are the grid's own, so a folder can be filled in "
            + "several calls. The tables cover every run in DIR/results.csv.")
    List<String> variants;

    @Option(names = "--benchmarks", paramLabel = "B,...", split = ",", description = "Run only these of the grid's "
            + "benchmarks, named as in the grid file.")
    List<String> benchmarks;

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
            description = "Run each run as an Apache Spark task: local[N] (Spark inside this process), "
                    + "spark://HOST:PORT, yarn, k8s://...; without MASTER, the one spark-submit was given (Spark mode "
                    + "is automatic under spark-submit). Same results folder and resume as without it.")
    String spark;

    @Option(names = "--aggregate-only", description = "Only rebuild the tables, figures and report from DIR/results.csv (nothing runs).")
    boolean aggregateOnly;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1) throw new ConfigException("--parallel must be at least 1 (got " + parallel + ")");
        if (seeds != null && seeds < 1) throw new ConfigException("--seeds must be at least 1 (got " + seeds + ")");
        if (out != null) OutputDirs.requireDirectoryOrAbsent(out, "--out");
        if (aggregateOnly) {
            if (out == null) throw new ConfigException("--aggregate-only needs --out DIR");
            if (variants != null || benchmarks != null) {
                throw new ConfigException("--aggregate-only rebuilds the tables and figures from everything in "
                        + "DIR/results.csv; --variants and --benchmarks select runs to run and do not apply");
            }
            BenchApp.aggregateOnly(out, System.out);
            return DsrCli.EXIT_OK;
        }
        DsrCli root = DsrCli.of(spec);
        GridSelection selection = new GridSelection(quick, seeds, variants, benchmarks);
        boolean sparkMode = spark != null || SparkBench.underSparkSubmit();
        if (sparkMode && spec.commandLine().getParseResult().hasMatchedOption("--parallel")) {
            throw new ConfigException("--parallel does not apply with --spark: Spark runs one run per executor "
                    + "core (local[N] gives N; on a cluster, set the executors' cores and count)");
        }
        // Ctrl-C / SIGTERM: runs in flight stop after their iteration and keep a checkpoint; nothing is recorded for them
        String onSignal = sparkMode
                ? "Spark cancels the runs in flight; nothing is recorded for them, and the same 'dsr bench' command "
                        + "runs them again (a Spark task keeps no checkpoint)"
                : "each running run saves a checkpoint after its current iteration (waiting at most "
                        + STOP_GRACE.toSeconds() + " s); the same 'dsr bench' command continues from there";
        try (SignalStop signal = SignalStop.install(STOP_GRACE, System.err, onSignal)) {
            if (sparkMode) {
                return SparkBench.run(grid, out, selection, spark, root.pluginPaths(), root.plugins(), signal::requested,
                        System.out);
            }
            try (TrainerRunExecutor executor = new TrainerRunExecutor(root.plugins(), DsrCli.invocation(spec))) {
                return BenchApp.run(grid, out, parallel, selection, executor, signal::requested, System.out);
            }
        }
    }

    /** How long a stop signal waits for the runs in flight to save their checkpoints. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
}
