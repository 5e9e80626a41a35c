package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.ConfigValidator;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.config.YamlConfigReader;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.train.Experiment;
import io.dsr4j.train.RunLimits;
import io.dsr4j.train.report.Provenance;
import io.dsr4j.train.report.ProvenanceNotes;
import io.dsr4j.train.run.ExperimentRunner;
import io.dsr4j.train.run.RunResult;

import java.io.IOException;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Runs one grid cell with the real trainer: base config ← grid overrides, one seed, outputs in the run dir. The runs
 * of one executor share one computer algebra in a child JVM ({@link SymbolicMath#createInChildProcess()}): a
 * simplification past its time limit is killed there instead of computing on beside the next runs in this JVM.
 * {@link #close()} ends it.
 */
public final class TrainerRunExecutor implements RunExecutor, AutoCloseable {

    private final PluginRegistry registry;
    private final String commandLine;
    private Provenance provenance;
    private SymbolicMath math; // shared by the runs of this executor, created when the first run needs it; guarded by this
    private boolean closed;    // guarded by this

    public TrainerRunExecutor(PluginRegistry registry) {
        this(registry, "dsr bench (run executed for a grid)");
    }

    /** @param commandLine the command that started the grid, recorded in each run's provenance.yaml */
    public TrainerRunExecutor(PluginRegistry registry, String commandLine) {
        this.registry = registry;
        this.commandLine = commandLine;
    }

    /** This process's provenance, collected once (plugin jars are hashed) for every run it executes. */
    @Override
    public synchronized Provenance provenance() {
        if (provenance == null) provenance = Provenance.collect(commandLine, registry);
        return provenance;
    }

    private synchronized SymbolicMath math() {
        if (closed) return SymbolicMath.unavailable();
        if (math == null) math = SymbolicMath.createInChildProcess();
        return math;
    }

    /** Ends the computer algebra's child process, if one was started (runs after this get raw forms). */
    @Override
    public synchronized void close() {
        closed = true;
        if (math != null) math.close();
    }

    /** The complete configuration of a run (validated; its {@code resolvedYaml()} is the run folder's config.yaml). */
    public DsrConfig config(RunSpec spec) {
        return config(spec, null);
    }

    /**
     * As {@link #config(RunSpec)}; errors in the overrides name the places {@code origin} gives (see
     * {@link RunExecutor#check(RunSpec, ConfigNode.MapNode)}); the values are the same.
     */
    DsrConfig config(RunSpec spec, ConfigNode.MapNode origin) {
        ConfigNode.MapNode user = spec.baseConfig() == null ? null : YamlConfigReader.readFile(spec.baseConfig());
        ConfigNode.MapNode tree = ConfigLoader.merge(user, List.of());
        Location at = new Location("grid " + spec.variant() + "/" + spec.benchmark(), 0, 0);
        ConfigNode overrides = OverrideOrigins.lend(ConfigNode.of(spec.nestedOverrides(), at), origin);
        tree = (ConfigNode.MapNode) ConfigNode.merge(tree, overrides);
        Path dir = spec.baseConfig() == null ? Path.of("").toAbsolutePath() : spec.baseConfig().toAbsolutePath().getParent();
        DsrConfig c = ConfigLoader.fromTree(tree, dir);
        c = ConfigValidator.checkNames(c, registry, new TreeSet<>(BenchmarkRegistry.get().functionSetNames()));
        return c;
    }

    @Override
    public void check(RunSpec spec) {
        check(spec, null);
    }

    @Override
    public void check(RunSpec spec, ConfigNode.MapNode origin) {
        DsrConfig c = config(spec, origin);
        RunLimits.check(c);
        try (Experiment e = Experiment.build(c, registry, spec.seed())) {
            RunLimits.check(e, 1, Runtime.getRuntime().maxMemory());
        }
    }

    @Override
    public RunResult run(RunSpec spec, Path runDir) throws Exception {
        RunResult r = run(spec, runDir, () -> false);
        if (r == null) throw new IllegalStateException("run stopped before finishing");
        return r;
    }

    /** Trains the run; when {@code stop} turns true it saves a checkpoint after the current iteration and returns null. */
    @Override
    public RunResult run(RunSpec spec, Path runDir, BooleanSupplier stop) throws Exception {
        DsrConfig c = config(spec);
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("config.yaml"), c.resolvedYaml());
        try {
            ProvenanceNotes.forPolicy(provenance(), c).writeTo(runDir);
        } catch (IOException | RuntimeException e) { // a record beside the results, never a reason to fail the run
            System.err.println("dsr: warning: could not write " + runDir.resolve(Provenance.FILE) + ": " + e);
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExperimentRunner runner = new ExperimentRunner(registry, quiet, System.err, c.logging().simplify() ? math() : null);
        runner.setStop(stop);
        return runner.runSeed(c.with("logging.progress", "off"), Experiment.loadDataset(c, registry), spec.seed(),
                runDir, true);
    }
}
