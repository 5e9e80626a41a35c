package io.dsr4j.train.cli;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.ConfigValidator;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.run.ExperimentRunner;
import io.dsr4j.train.run.OutputDirs;
import io.dsr4j.train.run.RunPlan;
import io.dsr4j.train.run.RunResult;
import io.dsr4j.train.run.SignalStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dsr run}: train on a configuration for one or more seeds, or resume a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment: seeds S..S+K-1 of CONFIG, written to DIR/<exp_name>/ (config.yaml, "
                + "summary.csv, seed_<S>/...).",
                "Exit codes: 0 every seed finished (recovered or not), 1 a seed failed (named, with its error.txt), "
                        + "2 bad input (configuration, data, run directory, or the run directory is in use), "
                        + "130 interrupted."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--seed", paramLabel = "S", description = "First seed (default: experiment.seed).")
    Long seed;

    @Option(names = "--runs", paramLabel = "K", defaultValue = "1", description = "Number of seeds (default 1).")
    int runs;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1",
            description = "Seeds run at once in this JVM (default 1).")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "Parent directory of the run (default: experiment.logdir).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run directory (its config.yaml and seeds; finished seeds are skipped).")
    Path resume;

    @Override
    public Integer call() throws IOException {
        if (runs < 1) throw new ConfigException("--runs must be at least 1 (got " + runs + ")");
        if (parallel < 1) throw new ConfigException("--parallel must be at least 1 (got " + parallel + ")");
        DsrCli root = DsrCli.of(spec);
        ExperimentRunner runner = new ExperimentRunner(root.plugins(), System.out, System.err);
        runner.setCommandLine(DsrCli.invocation(spec));
        Path simplifyQueue = simplifyQueue();
        runner.deferSimplification(simplifyQueue != null);
        // Ctrl-C / SIGTERM: running seeds stop after their iteration and save a checkpoint before the JVM exits
        try (SignalStop signal = SignalStop.install(STOP_GRACE, System.err)) {
            runner.setStop(signal::requested);
            return run(root, runner, simplifyQueue);
        }
    }

    /**
     * Set by {@code ./dsr}: a file to which a run whose simplification is deferred adds its run directory, for the
     * {@code dsr simplify} that the launcher starts after this JVM has exited (see {@link ExperimentRunner#deferSimplification}).
     */
    static final String SIMPLIFY_QUEUE_ENV = "DSR_SIMPLIFY_QUEUE";

    private static Path simplifyQueue() {
        String q = System.getenv(SIMPLIFY_QUEUE_ENV);
        return q == null || q.isBlank() ? null : Path.of(q);
    }

    /** How long a stop signal waits for the seeds' final checkpoints. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private int run(DsrCli root, ExperimentRunner runner, Path simplifyQueue) throws IOException {
        List<RunResult> results;
        Path runDir;
        if (resume != null) {
            if (config.file() != null || !config.sets().isEmpty() || seed != null) {
                throw new ConfigException("--resume takes the run directory only: its config.yaml and run.yaml fix the "
                        + "configuration and seeds (do not pass CONFIG, --set or --seed)");
            }
            runDir = resume;
            Path cfgFile = runDir.resolve("config.yaml");
            if (!Files.isRegularFile(cfgFile)) {
                throw new ConfigException(runDir + " is not a run directory (no config.yaml); pass the directory that "
                        + "'dsr run' printed, e.g. runs/Nguyen-1");
            }
            DsrConfig c = ConfigValidator.checkNames(ConfigLoader.load(cfgFile, List.of()), root.plugins(),
                    root.functionSetNames());
            RunPlan plan = RunPlan.read(runDir);
            if (ExperimentRunner.finishedSeeds(runDir).containsAll(plan.seeds())) {
                System.out.printf("%s: all %d seed(s) already finished, nothing to resume; summary: %s%n", runDir,
                        plan.seeds().size(), runDir.resolve(ExperimentRunner.SUMMARY));
                return DsrCli.EXIT_OK;
            }
            int par = parallel > 1 ? parallel : plan.parallel();
            results = runner.resume(c, runDir, plan.seeds(), par);
        } else {
            DsrConfig c = ConfigValidator.checkNames(config.load(), root.plugins(), root.functionSetNames());
            long first = seed != null ? seed : c.experiment().seed();
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < runs; i++) seeds.add(first + i);
            String name = c.experiment().expName() != null ? c.experiment().expName()
                    : Path.of(c.task().dataset()).getFileName().toString().replaceFirst("\\.csv$", "");
            if (out == null && c.experiment().logdir() == null) {
                throw ConfigException.at(c.locationOf("experiment.logdir"), "experiment.logdir", "is null, and 'dsr run' "
                        + "always writes a run directory: set it (default ./runs) or pass --out DIR");
            }
            Path parent = out != null ? out : Path.of(c.experiment().logdir());
            OutputDirs.requireDirectoryOrAbsent(parent, out != null ? "--out" : "experiment.logdir");
            runner.validate(c, first, Math.min(parallel, runs));
            runDir = ExperimentRunner.newRunDirectory(parent, name);
            System.out.println("run directory: " + runDir);
            results = runner.start(c, runDir, seeds, parallel);
        }
        if (!runner.pendingSimplification().isEmpty()) queueSimplification(simplifyQueue, runDir);
        return report(runner, results, runDir);
    }

    private static void queueSimplification(Path queue, Path runDir) {
        try {
            Files.writeString(queue, runDir.toAbsolutePath() + "\n", java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("dsr: warning: could not queue the simplification of " + runDir + " (" + e
                    + "); 'dsr simplify " + runDir + "' writes the simplified forms");
        }
    }

    /** The closing lines, and the exit code: 0 only when every seed of the run has finished. */
    private static int report(ExperimentRunner runner, List<RunResult> results, Path runDir) {
        long recovered = results.stream().filter(RunResult::success).count();
        List<ExperimentRunner.SeedFailure> failed = runner.failures();
        Path summary = runDir.resolve(ExperimentRunner.SUMMARY);
        String where = Files.exists(summary) ? "summary: " + summary : "no " + ExperimentRunner.SUMMARY + " (no seed finished)";
        System.out.printf("%s%s%s; %s%n", results.isEmpty() ? "no seed finished"
                        : String.format("%d/%d seed(s) recovered the target", recovered, results.size()),
                runner.alreadyFinished() > 0 ? " (" + runner.alreadyFinished() + " more finished before this resume)" : "",
                failed.isEmpty() ? "" : "; " + failed.size() + " failed", where);
        if (!failed.isEmpty()) {
            StringBuilder sb = new StringBuilder("dsr: " + failed.size() + " seed(s) failed:");
            for (ExperimentRunner.SeedFailure f : failed) {
                sb.append(f.seed() >= 0 ? " seed " + f.seed() + ": " : " ").append(f.message())
                        .append(f.errorFile() != null ? " (" + f.errorFile() + ");" : ";");
            }
            sb.setLength(sb.length() - 1);
            sb.append(". Fix the cause, then 'dsr run --resume ").append(runDir)
                    .append("' reruns the failed seeds (from their last checkpoint, if any).");
            System.err.println(sb);
            return DsrCli.EXIT_FAILURE;
        }
        if (!runner.stopped().isEmpty()) {
            System.err.println("dsr: stopped before seed(s) " + runner.stopped() + " finished; 'dsr run --resume " + runDir
                    + "' continues them");
            return DsrCli.EXIT_INTERRUPTED;
        }
        return DsrCli.EXIT_OK;
    }
}
