package io.dsr4j.bench;

import io.dsr4j.train.run.RunResult;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Runs one configuration of a grid: the seam between the bench runner and the trainer. Implementations must be
 * thread-safe ({@link GridRunner} calls {@link #run} from several threads when {@code parallel > 1}) and must derive
 * all randomness from {@link RunSpec#seed()}, so a run's result does not depend on what else runs beside it.
 */
@FunctionalInterface
public interface RunExecutor {

    /**
     * Trains one run and returns its outcome.
     *
     * @param spec   the run (base config + overrides, including {@code task.dataset} and {@code experiment.seed})
     * @param runDir an existing, possibly non-empty directory reserved for this run's files (logs, hall of fame,
     *               checkpoints); a checkpoint left there by a killed earlier attempt may be resumed from
     */
    RunResult run(RunSpec spec, Path runDir) throws Exception;

    /**
     * As {@link #run(RunSpec, Path)}, stopping early when {@code stop} turns true (Ctrl-C, SIGTERM): a run that can
     * stop between iterations saves a checkpoint in {@code runDir} and returns null, so that running the grid again
     * continues it exactly. This default ignores {@code stop} and runs to the end.
     *
     * @return the outcome, or null when the run was stopped before finishing
     */
    default RunResult run(RunSpec spec, Path runDir, BooleanSupplier stop) throws Exception {
        return run(spec, runDir);
    }

    /**
     * Checks that a run's configuration is valid without training (loads and validates the config). Called once per
     * variant × benchmark before any run starts, so a typo in a grid fails in seconds instead of once per run.
     * Throw {@link io.dsr4j.api.config.ConfigException} with the usual one-paragraph message.
     */
    default void check(RunSpec spec) throws Exception {
    }

    /**
     * As {@link #check(RunSpec)}, knowing where the grid file wrote the run's overrides, so that an error can name
     * the file, line and column of the key or value at fault. This default ignores {@code origin}.
     *
     * @param origin the overrides as {@link GridSpec#origin} gives them (nested into sections, with their places in
     *               the grid file), or null
     */
    default void check(RunSpec spec, io.dsr4j.api.config.ConfigNode.MapNode origin) throws Exception {
        check(spec);
    }

    /**
     * Provenance of this process (dsr4j build, plugins, JVM, machine, command) for the grid folder's
     * {@code provenance.yaml}, or null when the executor has none to give.
     */
    default io.dsr4j.train.report.Provenance provenance() {
        return null;
    }
}
