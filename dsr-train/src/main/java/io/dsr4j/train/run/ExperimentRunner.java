package io.dsr4j.train.run;

import io.dsr4j.programs.data.QuotedCsv;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.train.Experiment;
import io.dsr4j.train.ExpressionSimplifier;
import io.dsr4j.train.RunLimits;
import io.dsr4j.train.Trainer;
import io.dsr4j.train.TrainerCheckpoint;
import io.dsr4j.train.log.IterationLog;
import io.dsr4j.train.report.Provenance;
import io.dsr4j.train.report.ProvenanceNotes;
import io.dsr4j.train.report.RunReport;
import io.dsr4j.train.report.SeedPlots;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Runs the seeds of one experiment (sequentially or P at a time in this JVM) into a run directory:
 * {@code config.yaml} (resolved), {@code run.yaml} (seeds), {@code summary.csv} (one row per finished seed, appended
 * atomically) and {@code seed_<S>/} with the per-iteration log, hall of fame, Pareto front, result and checkpoint.
 * A seed that crashes is reported (and its {@code error.txt} written); the others finish.
 */
public final class ExperimentRunner {

    public static final String SUMMARY = "summary.csv";
    public static final String CHECKPOINT = "checkpoint.bin";

    /** A seed's folder name, the same for {@code dsr run} and the runs of {@code dsr bench}: {@code seed_<S>}. */
    public static String seedFolder(long seed) {
        return "seed_" + seed;
    }
    public static final String ERROR = "error.txt";
    /** The lock file that keeps two processes out of one run directory (deleted when the run ends). */
    public static final String LOCK = ".run.lock";

    /** A seed that failed: its one-line reason and its error file (null when even that could not be written). */
    public record SeedFailure(long seed, String message, Path errorFile) { }

    private final PluginRegistry registry;
    private final PrintStream out;
    private final PrintStream err;
    private volatile BooleanSupplier stop = () -> false;
    private final List<SeedFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> stopped = Collections.synchronizedList(new ArrayList<>());
    private volatile int alreadyFinished;
    private volatile String commandLine = "(embedded: ExperimentRunner)";
    private Provenance provenance;
    private SymbolicMath math; // created on first use (Symja's start-up takes seconds); guarded by this
    private volatile boolean deferSimplification;
    private final List<Long> pendingSimplification = Collections.synchronizedList(new ArrayList<>());

    public ExperimentRunner(PluginRegistry registry, PrintStream out, PrintStream err) {
        this(registry, out, err, null);
    }

    /** @param math computer algebra shared with other runners (grids), or null to create one when first needed */
    public ExperimentRunner(PluginRegistry registry, PrintStream out, PrintStream err, SymbolicMath math) {
        this.registry = registry;
        this.out = out;
        this.err = err;
        this.math = math;
    }

    /**
     * The computer algebra for simplified expressions, created when the first seed has finished training: starting it
     * earlier would overlap its start-up with training but add its memory (~40 MB) to the training's peak.
     */
    public synchronized SymbolicMath symbolicMath() {
        if (math == null) math = SymbolicMath.create();
        return math;
    }

    /**
     * Leaves the computer algebra to a second process ({@code dsr simplify RUN_DIR}, which {@code ./dsr run} starts
     * once this process has exited): a finished seed writes its outputs with raw forms (simplify status {@code
     * pending}) and a {@value PendingOutputs#FILE} file from which {@link SimplifyPending} writes the simplified ones.
     * Symja's classes and compiled code (~40 MB) then never add to what the training left in this JVM.
     */
    public void deferSimplification(boolean defer) { this.deferSimplification = defer; }

    /** Seeds of the last {@link #start} or {@link #execute} whose simplification was deferred, in finishing order. */
    public List<Long> pendingSimplification() { return List.copyOf(pendingSimplification); }

    /** How this run was started, for provenance.yaml and report.md ({@code dsr run configs/... --runs 10}). */
    public void setCommandLine(String commandLine) { this.commandLine = commandLine; }

    /** Provenance of this process, collected once (plugin jars are hashed) and written into each run folder. */
    public synchronized Provenance provenance(DsrConfig config) {
        if (provenance == null) provenance = Provenance.collect(commandLine, registry);
        return ProvenanceNotes.forPolicy(provenance, config);
    }

    /** Stops every seed between iterations when it returns true (tests, embedding). */
    public void setStop(BooleanSupplier stop) { this.stop = stop; }

    /** The seeds that failed in the last {@link #start} or {@link #execute}, in the order they failed. */
    public List<SeedFailure> failures() { return List.copyOf(failures); }

    /** The seeds that were stopped (see {@link #setStop}) before finishing; they resume from their checkpoints. */
    public List<Long> stopped() { return List.copyOf(stopped); }

    /** Seeds that a resumed run found already finished (skipped). */
    public int alreadyFinished() { return alreadyFinished; }

    /** A fresh run directory under {@code parent}: {@code <exp_name>}, or a timestamped sibling if it is taken. */
    public static Path newRunDirectory(Path parent, String expName) throws IOException {
        Path dir = parent.resolve(expName);
        if (Files.exists(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                    dir = parent.resolve(expName + "_" + stamp);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Builds everything a seed needs once (data, library, priors, policy, estimator) so that a bad configuration or
     * data file fails before a run directory is created; prints the library and priors, and warnings of
     * {@link RunLimits}.
     */
    public void validate(DsrConfig config, long seed) {
        validate(config, seed, 1);
    }

    /** As {@link #validate(DsrConfig, long)} for {@code concurrentSeeds} seeds at once in this JVM. */
    public void validate(DsrConfig config, long seed, int concurrentSeeds) {
        RunLimits.check(config);
        Dataset dataset = Experiment.loadDataset(config, registry);
        try (Experiment probe = Experiment.build(config, registry, seed, dataset)) {
            out.println("library: " + probe.library().names());
            out.println("priors (max length " + probe.priors().maxLength() + "):" + probe.priors().describe());
            if (!probe.priors().skipped().isEmpty()) {
                out.println("priors skipped (nothing to constrain in this library): "
                        + String.join(", ", probe.priors().skipped()));
            }
            for (String w : RunLimits.check(probe, concurrentSeeds, Runtime.getRuntime().maxMemory())) {
                err.println("dsr: warning: " + w);
            }
        }
    }

    /**
     * Everything {@link #validate} checks, without printing (e.g. {@code dsr config}); returns the warnings.
     *
     * @throws ConfigException when a run of this configuration cannot work
     */
    public static List<String> preflight(DsrConfig config, PluginRegistry registry, long seed) {
        RunLimits.check(config);
        Dataset dataset = Experiment.loadDataset(config, registry);
        try (Experiment probe = Experiment.build(config, registry, seed, dataset)) {
            return RunLimits.check(probe, 1, Runtime.getRuntime().maxMemory());
        }
    }

    /** Starts a run: writes config.yaml and run.yaml, then runs every seed. */
    public List<RunResult> start(DsrConfig config, Path runDir, List<Long> seeds, int parallel) throws IOException {
        try (DirLock lock = lock(runDir)) {
            AtomicFiles.write(runDir.resolve("config.yaml"), config.withPlugins(registry).withAbsolutePaths().resolvedYaml());
            RunPlan.write(runDir, new RunPlan(seeds, parallel));
            return executeLocked(config, runDir, seeds, parallel, false);
        }
    }

    /**
     * Continues a run directory: finished seeds are skipped, the others resume from their checkpoints.
     *
     * @throws ConfigException before any seed runs when another process writes into the run directory or a
     *                         checkpoint is damaged (the message says what to do)
     */
    public List<RunResult> execute(DsrConfig config, Path runDir, List<Long> seeds, int parallel, boolean resume)
            throws IOException {
        try (DirLock lock = lock(runDir)) {
            return executeLocked(config, runDir, seeds, parallel, resume);
        }
    }

    /**
     * Resumes a run directory as {@code dsr run --resume} does: locks it first, so that a resume refused because
     * another process writes there says so before anything else, then {@link #validate validates} (printing the
     * library and priors) and continues the unfinished seeds.
     *
     * @throws ConfigException before anything is printed when another process holds the run directory
     */
    public List<RunResult> resume(DsrConfig config, Path runDir, List<Long> seeds, int parallel) throws IOException {
        try (DirLock lock = lock(runDir)) {
            validate(config, seeds.get(0), Math.min(parallel, seeds.size()));
            return executeLocked(config, runDir, seeds, parallel, true);
        }
    }

    static DirLock lock(Path runDir) throws IOException {
        return DirLock.acquire(runDir, LOCK, runDir + ": another 'dsr run' is writing into this run directory; wait "
                + "for it to finish (then 'dsr run --resume " + runDir + "' continues what is left)");
    }

    private List<RunResult> executeLocked(DsrConfig config, Path runDir, List<Long> seeds, int parallel, boolean resume)
            throws IOException {
        failures.clear();
        stopped.clear();
        pendingSimplification.clear();
        Set<Long> finished = resume ? finishedSeeds(runDir) : Set.of();
        alreadyFinished = (int) seeds.stream().filter(finished::contains).count();
        List<Long> todo = new ArrayList<>();
        for (long s : seeds) if (!finished.contains(s)) todo.add(s);
        if (resume && todo.size() < seeds.size()) {
            out.println("resuming " + runDir + ": " + (seeds.size() - todo.size()) + " seed(s) already finished");
        }
        if (resume) checkCheckpoints(runDir, todo);
        if (todo.isEmpty()) return new ArrayList<>();
        Dataset dataset = Experiment.loadDataset(config, registry);
        writeProvenance(config, runDir);
        List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
        boolean par = parallel > 1 && todo.size() > 1;
        if (!par) {
            for (long s : todo) runOne(config, dataset, runDir, s, false, results);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, todo.size()));
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (long s : todo) fs.add(pool.submit(() -> runOne(config, dataset, runDir, s, true, results)));
                for (Future<?> f : fs) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        err.println("dsr: unexpected failure: " + e); // runOne catches everything a seed throws
                        failures.add(new SeedFailure(-1, e.toString(), null));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        writeReport(config, runDir, dataset.name());
        return results;
    }

    /** provenance.yaml (one YAML document per session: start and each resume). Best effort: a warning on failure. */
    private void writeProvenance(DsrConfig config, Path dir) {
        try {
            provenance(config).writeTo(dir);
        } catch (IOException | RuntimeException e) {
            err.println("dsr: warning: could not write " + dir.resolve(Provenance.FILE) + ": " + e);
        }
    }

    /** report.md from the folder's files; a failure is a warning (the results themselves are written). */
    private void writeReport(DsrConfig config, Path runDir, String datasetName) {
        try {
            String name = config.experiment().expName() != null ? config.experiment().expName() : datasetName;
            RunReport.write(runDir, config, "Run report: " + name, commandLine, provenance(config),
                    seed -> seedDirectory(runDir, seed).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            err.println("dsr: warning: could not write " + runDir.resolve(RunReport.FILE) + ": " + e);
        }
    }

    /** The folder of one seed inside a run folder. */
    public static Path seedDirectory(Path runDir, long seed) {
        return runDir.resolve(seedFolder(seed));
    }

    private void runOne(DsrConfig config, Dataset dataset, Path runDir, long seed, boolean parallel, List<RunResult> results) {
        Path seedDir = seedDirectory(runDir, seed);
        try {
            Files.createDirectories(seedDir);
            RunResult r = runSeed(config, dataset, seed, seedDir, parallel);
            if (r == null) {
                stopped.add(seed);
                return;
            }
            AtomicFiles.appendLine(runDir.resolve(SUMMARY), RunResult.HEADER, r.csv());
            Files.deleteIfExists(seedDir.resolve(ERROR)); // from an earlier failed attempt of this seed
            results.add(r);
            if (Files.exists(seedDir.resolve(PendingOutputs.FILE))) pendingSimplification.add(seed);
            out.println(seedLine(r));
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String message = describe(e);
            Path errorFile = seedDir.resolve(ERROR);
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            try {
                AtomicFiles.write(errorFile, sw.toString());
            } catch (IOException | RuntimeException writeFailure) {
                errorFile = null; // e.g. the disk is full: say so instead of pointing at a file that is not there
            }
            failures.add(new SeedFailure(seed, message, errorFile));
            err.println("dsr: seed " + seed + " failed: " + message + (errorFile != null ? " (details in " + errorFile + ")"
                    : " (could not write " + seedDir.resolve(ERROR) + " either)"));
        }
    }

    /** The line printed when a seed has finished: {@code seed 0: recovered (symbolically) in 36 iterations (2.9 s): x1^3 + ...}. */
    public static String seedLine(RunResult r) {
        String symbolic = switch (r.symbolicSuccess()) {
            case YES -> " (symbolically)";
            case NO -> r.success() ? " (numerically only)" : "";
            case UNKNOWN -> "";
        };
        return String.format(java.util.Locale.ROOT, "seed %d: %s%s in %d iterations (%.1f s): %s", r.seed(),
                r.success() ? "recovered" : "not recovered", symbolic, r.iterations(), r.seconds(), r.simplified().infix());
    }

    /** One line: what went wrong, with the cause when the exception only wraps it (e.g. a full disk). */
    public static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof UncheckedIOException || root instanceof java.util.concurrent.ExecutionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        String text;
        if (root instanceof OutOfMemoryError) {
            text = "out of memory (" + m + "); lower training.batch_size or policy.max_length, or give Java more memory "
                    + "(JAVA_OPTS=-Xmx8g)";
        } else if (root instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            text = "cannot write " + fse.getFile() + ": " + fse.getReason();
        } else if (root instanceof IOException && m != null && !(root instanceof java.io.EOFException)) {
            text = "I/O error: " + m;
        } else {
            text = root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    /** Refuses to resume when a checkpoint of a seed still to run is damaged; says what to do for each. */
    private static void checkCheckpoints(Path runDir, List<Long> todo) {
        List<String> problems = new ArrayList<>();
        for (long s : todo) {
            Path ckpt = runDir.resolve(seedFolder(s)).resolve(CHECKPOINT);
            if (!Files.exists(ckpt)) continue;
            TrainerCheckpoint.Check c = TrainerCheckpoint.verify(ckpt);
            if (c.ok()) continue;
            Path prev = TrainerCheckpoint.previous(ckpt);
            TrainerCheckpoint.Check p = Files.exists(prev) ? TrainerCheckpoint.verify(prev) : null;
            String todoText = p != null && p.ok()
                    ? "to continue from the previous checkpoint (iteration " + p.iteration() + "), replace it: mv "
                    + prev + " " + ckpt + "; or delete it to start seed " + s + " over"
                    : "delete it (and " + prev.getFileName() + " if present) to start seed " + s + " over";
            problems.add(ckpt + " is damaged: " + c.problem() + "; " + todoText);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("cannot resume " + runDir + ", nothing was run: " + String.join(". ", problems)
                    + ". Then run 'dsr run --resume " + runDir + "' again.");
        }
    }

    /** Runs (or resumes) one seed; returns null if it was stopped before finishing. */
    public RunResult runSeed(DsrConfig config, Dataset dataset, long seed, Path seedDir, boolean parallel) throws IOException {
        Path ckpt = seedDir.resolve(CHECKPOINT);
        AtomicFiles.removeTemporaries(seedDir);   // of an earlier attempt killed while writing a file
        FinishedSeed finished = train(config, dataset, seed, seedDir, parallel, ckpt);
        if (finished == null) return null;
        // The trainer, policy and program cache are unreachable here (they lived in train()'s frame only). One full
        // collection frees the old generation they filled, so the computer algebra (started only now, not during
        // training) and the plots reuse that memory instead of growing the heap: a young collection never frees old
        // objects, and with a small initial heap the collector can hand the freed part back to the system.
        System.gc();
        // Plots before the computer algebra: the memory the plots need only while drawing (C2 compiling Java2D's
        // rasterizer, image buffers) is then free again when Symja loads, instead of adding to its peak.
        if (config.logging().plots()) SeedPlots.write(finished, config, seedDir, dataset.name() + " seed " + seed, err);
        boolean simplify = config.logging().simplify();
        long limitMillis = Math.round(config.logging().simplifyLimit() * 1000);
        boolean defer = simplify && deferSimplification;
        // Deferred: the pending file first, so that outputs with status pending always have one.
        if (defer) {
            new PendingOutputs(seed, dataset.name(), config.logging().savePareto(), limitMillis, finished)
                    .write(seedDir.resolve(PendingOutputs.FILE));
        }
        ExpressionSimplifier simplifier = new ExpressionSimplifier(finished.scorer(),
                defer ? SymbolicMath.pending() : simplify ? symbolicMath() : SymbolicMath.unavailable(), simplify,
                Duration.ofMillis(limitMillis));
        RunResult r = RunOutputs.finish(finished, seedDir, seed, dataset.name(), config.logging().savePareto(), simplifier);
        if (!defer) Files.deleteIfExists(seedDir.resolve(PendingOutputs.FILE)); // from an earlier attempt of this seed
        TrainerCheckpoint.delete(ckpt);
        return r;
    }

    /** Trains one seed (from its checkpoint if there is one); null if it was stopped before finishing. */
    private FinishedSeed train(DsrConfig config, Dataset dataset, long seed, Path seedDir, boolean parallel, Path ckpt)
            throws IOException {
        try (Experiment exp = Experiment.build(config, registry, seed, dataset)) {
            Trainer t = exp.trainer();
            if (Files.exists(ckpt)) {
                TrainerCheckpoint.load(t, ckpt);
                out.println("seed " + seed + ": resumed at iteration " + t.iteration());
            }
            try (IterationLog log = new IterationLog(seedDir.resolve("iterations.csv"), config.logging().saveFreq(),
                    t.iteration())) {
                t.addListener((s, tr) -> log.append(s));
                t.addListener(new ProgressReporter(out, ProgressReporter.resolve(config.logging().progress().yamlName(), parallel),
                        config.logging().progressEvery(), "[" + dataset.name() + " seed " + seed + "]", config.training().nSamples()));
                Checkpointing cp = new Checkpointing(t.settings().checkpointEvery(), t.settings().checkpointInterval(), ckpt, log);
                t.addListener(cp);
                t.run(stop);
                log.flush();
                if (!t.done()) {
                    cp.save(t);
                    return null;
                }
            }
            return FinishedSeed.of(t);
        }
    }

    /** Seeds already in summary.csv. */
    public static Set<Long> finishedSeeds(Path runDir) throws IOException {
        Set<Long> done = new HashSet<>();
        Path f = runDir.resolve(SUMMARY);
        if (!Files.exists(f)) return done;
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            done.add(Long.parseLong(QuotedCsv.split(lines.get(i)).get(0)));
        }
        return done;
    }

    /** Writes checkpoints every N iterations and/or every interval of wall time. */
    static final class Checkpointing implements Trainer.Listener {
        private final long every;
        private final java.time.Duration interval;
        private final Path file;
        private final IterationLog log;
        private long last = System.nanoTime();

        Checkpointing(long every, java.time.Duration interval, Path file, IterationLog log) {
            this.every = every;
            this.interval = interval;
            this.file = file;
            this.log = log;
        }

        @Override
        public void onIteration(io.dsr4j.train.log.IterationStats stats, Trainer t) {
            if (t.done()) return;
            boolean due = (every > 0 && t.iteration() % every == 0)
                    || (interval != null && System.nanoTime() - last >= interval.toNanos());
            if (due) save(t);
        }

        void save(Trainer t) {
            try {
                log.flush();
                TrainerCheckpoint.save(t, file);
                last = System.nanoTime();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
