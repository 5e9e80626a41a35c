package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.train.run.ExperimentRunner;
import io.dsr4j.train.run.DirLock;
import io.dsr4j.train.run.OutputDirs;
import io.dsr4j.train.run.RunResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs every run of a grid that {@code outDir/results.csv} does not hold yet (with a {@link RunDispatcher}: threads
 * of this JVM, {@code parallel} at a time, or Spark tasks), appending each finished run to results.csv atomically. A failing run is logged (stderr, {@code failures.csv}, {@code error.txt} in
 * its folder) and the others go on; running again retries failures and skips finished runs, so an interrupted grid
 * resumes with nothing lost. Each run gets its own folder {@code outDir/runs/<variant>/<benchmark>/seed_<n>}, named like
 * the seed folders of {@code dsr run}; a folder of an older version ({@code seed-<n>}) is renamed before its run resumes.
 */
public final class GridRunner {

    /**
     * What a call to {@link #run} did.
     *
     * @param stopped     runs cut off by the stop (not recorded; they resume from their checkpoints)
     * @param interrupted the stop was requested: some runs may not have started
     */
    public record Report(int total, int skipped, int succeeded, int failed, int stopped, boolean interrupted) {

        /** A call that was not interrupted. */
        public Report(int total, int skipped, int succeeded, int failed) {
            this(total, skipped, succeeded, failed, 0, false);
        }

        public int executed() {
            return succeeded + failed;
        }
    }

    /** The lock file that keeps two bench processes out of one folder (deleted when the grid ends). */
    public static final String LOCK = ".bench.lock";

    private final GridSpec grid;
    private final RunExecutor executor;
    private final RunDispatcher dispatcher;
    private final Path outDir;
    private Supplier<SymbolicMath> symbolicMath;
    private BooleanSupplier stop = () -> false;

    /**
     * Runs in threads of this JVM.
     *
     * @param quick run the grid's quick version (its {@code quick:} section)
     */
    public GridRunner(GridSpec grid, RunExecutor executor, Path outDir, int parallel, boolean quick) {
        this(grid, executor, new ThreadDispatcher(executor, parallel), outDir, quick);
    }

    /**
     * Runs with {@code dispatcher} (e.g. Spark tasks).
     *
     * @param executor validates each variant × benchmark here before anything runs ({@link RunExecutor#check})
     * @param quick    run the grid's quick version (its {@code quick:} section)
     */
    public GridRunner(GridSpec grid, RunExecutor executor, RunDispatcher dispatcher, Path outDir, boolean quick) {
        this.grid = quick ? grid.quickVersion() : grid;
        this.executor = executor;
        this.dispatcher = dispatcher;
        this.outDir = outDir;
        Map<String, String> folders = new HashMap<>();
        for (String b : this.grid.benchmarks()) {
            String other = folders.put(safeName(b), b);
            if (other != null) {
                throw new ConfigException(grid.file() + ": benchmarks '" + other + "' and '" + b
                        + "' would share the run folder '" + safeName(b) + "'; rename one of the files");
            }
        }
    }

    public GridSpec grid() {
        return grid;
    }

    /**
     * Runs what is missing. Progress goes to {@code out}, failures also to {@code err}.
     *
     * @throws ConfigException before anything runs, when the folder holds results of other settings, another process
     *                         writes into it, or {@link RunExecutor#check} rejects a configuration
     */
    public Report run(PrintStream out, PrintStream err) throws IOException, InterruptedException {
        OutputDirs.requireDirectoryOrAbsent(outDir, "--out");
        boolean created = !Files.exists(outDir);
        Files.createDirectories(outDir);
        try (DirLock lock = DirLock.acquire(outDir, LOCK, outDir + ": another 'dsr bench' is running into this folder; "
                + "wait for it to finish or use another --out folder")) {
            return runLocked(out, err);
        } catch (ConfigException e) {
            // refused before anything ran: leave no trace of a folder this call created (the lock is gone by now)
            if (created) deleteIfEmpty(outDir);
            throw e;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            if (s.findAny().isEmpty()) Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort: an empty folder is harmless
        }
    }

    private Report runLocked(PrintStream out, PrintStream err) throws IOException, InterruptedException {
        ResultsFile results = ResultsFile.open(outDir);
        Set<String> finishedVariants = new LinkedHashSet<>();
        for (ResultRow r : results.rows()) finishedVariants.add(r.variant());
        Map<String, Object> settings = ResumeGuard.check(grid, outDir, finishedVariants);

        List<RunSpec> all = grid.expand();
        List<RunSpec> pending = new ArrayList<>();
        for (RunSpec s : all) {
            if (!results.contains(s.key())) pending.add(s);
        }
        int skipped = all.size() - pending.size();
        check(pending);   // before the first line: a grid that cannot run says so alone
        out.printf(Locale.ROOT, "%s%s: %d runs (%d variants x %d benchmarks x %d seeds), %d already in %s, %d to run, %s%n",
                grid.name(), grid.quickApplied() ? " (quick)" : "", all.size(), grid.variants().size(),
                grid.benchmarks().size(), grid.seeds().size(), skipped, results.file(), pending.size(),
                dispatcher.describe());
        ResumeGuard.record(grid, outDir, settings);
        for (RunSpec spec : pending) migrateLegacyFolder(spec);

        Recorder recorder = new Recorder(results, new FailureLog(outDir), out, err, pending.size());
        if (!pending.isEmpty()) dispatcher.dispatch(pending, recorder, stop);
        results.sort(gridOrder(all));
        boolean interrupted = stop.getAsBoolean();
        if (symbolicMath != null && !interrupted) {   // stopping: no computer algebra start-up (seconds) on the way out
            int filled = SymbolicBackfill.fill(results, grid, symbolicMath, SymbolicMath.DEFAULT_LIMIT);
            if (filled > 0) out.printf(Locale.ROOT, "added symbolic success and simplified expressions to %d earlier results%n", filled);
        }
        int failed = recorder.failed.get();
        if (failed > 0) {
            err.printf(Locale.ROOT, "%d of %d runs failed (see %s); run the same command again to retry them%n",
                    failed, pending.size(), recorder.failures.file());
        }
        return new Report(all.size(), skipped, recorder.succeeded.get(), failed, recorder.stopped.get(), interrupted);
    }

    /**
     * Lets the executor validate each variant × benchmark once before anything trains. An error at a place in the grid
     * file reads "FILE:LINE:COL: variant 'V': key ...: problem" (with the benchmark when the same variant passed with
     * an earlier one); any other names the grid, variant and benchmark before its own message.
     */
    private void check(List<RunSpec> pending) {
        Set<String> checked = new LinkedHashSet<>();
        Set<String> passed = new java.util.HashSet<>();   // variants that passed with some benchmark
        for (RunSpec s : pending) {
            if (!checked.add(s.variant() + "/" + s.benchmark())) continue;
            try {
                executor.check(s, grid.origin(s.variant()));
                passed.add(s.variant());
            } catch (ConfigException e) {
                if (OverrideOrigins.inGridFile(e.location(), grid.file())) {
                    String benchmark = passed.contains(s.variant()) ? " with benchmark '" + s.benchmark() + "'" : "";
                    throw new ConfigException(e.location(), "variant '" + s.variant() + "'" + benchmark + ": "
                            + e.detail(), e);
                }
                throw new ConfigException("grid " + grid.file() + ", variant '" + s.variant() + "', benchmark '"
                        + s.benchmark() + "': " + e.getMessage(), e);
            } catch (Exception e) {
                throw new ConfigException("grid " + grid.file() + ", variant '" + s.variant() + "', benchmark '"
                        + s.benchmark() + "': the run configuration is not usable: " + FailureLog.describe(e), e);
            }
        }
    }

    /** Records what the dispatcher reports, and prints progress: done/total, recovered so far, ETA. */
    private final class Recorder implements RunDispatcher.RunSink {
        final ResultsFile results;
        final FailureLog failures;
        final PrintStream out;
        final PrintStream err;
        final int count;
        final long start = System.nanoTime();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger recovered = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger stopped = new AtomicInteger();
        final Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Recorder(ResultsFile results, FailureLog failures, PrintStream out, PrintStream err, int count) {
            this.results = results;
            this.failures = failures;
            this.out = out;
            this.err = err;
            this.count = count;
        }

        @Override
        public Path runDir(RunSpec spec) {
            return GridRunner.this.runDir(spec);
        }

        @Override
        public void succeeded(RunSpec spec, RunResult result) throws IOException {
            if (!reported.add(spec.key())) return;   // a dispatcher that reports a run twice (a retried task) counts once
            results.append(ResultRow.of(spec, result));
            succeeded.incrementAndGet();
            int r = result.success() ? recovered.incrementAndGet() : recovered.get();
            int n = done.incrementAndGet();
            out.printf(Locale.ROOT, "[%d/%d] %s: %s after %d iterations, %.1f s, r_best %.4f, %s (recovered %d/%d so far%s)%n",
                    n, count, spec.key(), result.success() ? "recovered" : "not recovered", result.iterations(),
                    result.seconds(), result.rBest(), result.simplified().infix(), r, succeeded.get(), eta(n));
        }

        @Override
        public void failed(RunSpec spec, Throwable error) throws IOException {
            if (!reported.add(spec.key())) return;
            Path dir = runDir(spec);
            Files.createDirectories(dir);
            String message = failures.record(spec, dir, error);
            failed.incrementAndGet();
            int n = done.incrementAndGet();
            err.printf(Locale.ROOT, "[%d/%d] %s FAILED: %s%n", n, count, spec.key(), message);
        }

        @Override
        public void stopped(RunSpec spec) {
            if (!reported.add(spec.key())) return;
            stopped.incrementAndGet();
            out.printf(Locale.ROOT, "%s: stopped before finishing (not recorded; its checkpoint is kept for the resume)%n",
                    spec.key());
        }

        /** ", ETA 1h02m" from the mean time per finished run so far (runs overlap, so this is wall time). */
        private String eta(int n) {
            if (n >= count) return "";
            double perRun = (System.nanoTime() - start) / 1e9 / n;
            long s = Math.round(perRun * (count - n));
            return s >= 3600 ? String.format(Locale.ROOT, ", ETA %dh%02dm", s / 3600, s / 60 % 60)
                    : String.format(Locale.ROOT, ", ETA %dm%02ds", s / 60, s % 60);
        }
    }

    /** {@code outDir/runs/<variant>/<benchmark>/seed_<n>} (a CSV benchmark's path flattened into one safe name). */
    public Path runDir(RunSpec spec) {
        return outDir.resolve("runs").resolve(spec.variant()).resolve(safeName(spec.benchmark()))
                .resolve(ExperimentRunner.seedFolder(spec.seed()));
    }

    /** Renames a run folder named by an older version ({@code seed-<n>}), so an interrupted run resumes from its checkpoint. */
    private void migrateLegacyFolder(RunSpec spec) throws IOException {
        Path dir = runDir(spec);
        Path legacy = dir.resolveSibling("seed-" + spec.seed());
        if (Files.isDirectory(legacy) && !Files.exists(dir)) Files.move(legacy, dir);
    }

    /**
     * Stops the grid when {@code stop} turns true (Ctrl-C, SIGTERM): runs in flight stop after their current iteration
     * and keep a checkpoint, queued runs do not start, and nothing is recorded for either; {@link #run} then returns
     * a report with {@link Report#interrupted()} set.
     */
    public void stopWhen(BooleanSupplier stop) {
        this.stop = stop;
    }

    /** Fill symbolic success and simplified expressions into results of older versions with {@code math}. */
    public void backfillWith(Supplier<SymbolicMath> math) {
        this.symbolicMath = math;
    }

    public static String safeName(String benchmark) {
        String s = benchmark.replaceFirst("(?i)\\.csv$", "").replaceAll("[^A-Za-z0-9._+-]+", "_");
        s = s.replaceAll("^[._]+", "");
        return s.isEmpty() ? "data" : s;
    }

    /** Rows of this grid in expansion order; other rows after them in their current order. */
    private static java.util.Comparator<ResultRow> gridOrder(List<RunSpec> all) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) index.put(all.get(i).key(), i);
        return java.util.Comparator.comparingInt(r -> index.getOrDefault(r.key(), Integer.MAX_VALUE));
    }
}
