package io.dsr4j.bench;

import io.dsr4j.train.run.RunResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Where the pending runs of a grid execute: threads of this JVM ({@link ThreadDispatcher}, the default) or elsewhere
 * (Spark tasks, {@code io.dsr4j.bench.spark}). {@link GridRunner} does everything around it (lock, resume, settings
 * guard, validation, results file, failure log, progress), so every dispatcher writes the same output folder.
 */
public interface RunDispatcher {

    /** How runs execute, for the grid's header line: "2 at a time", "as Spark tasks on local[2]". */
    String describe();

    /**
     * Executes every run of {@code pending} and reports each one to {@code sink} exactly once (from any thread),
     * after writing its files into {@link RunSink#runDir}. Returns when all are reported, or, once {@code stop} turns
     * true (Ctrl-C, SIGTERM), when the runs in flight have stopped: runs not started yet are not reported at all, runs
     * cut off are reported to {@link RunSink#stopped} (nothing recorded, so running the grid again does them).
     *
     * @throws IOException when a result cannot be recorded, or the runs cannot be executed at all (runs reported
     *                     before that stay recorded; running the grid again does the others)
     */
    void dispatch(List<RunSpec> pending, RunSink sink, BooleanSupplier stop) throws IOException, InterruptedException;

    /** Receives finished runs; implemented by {@link GridRunner}. Thread-safe. */
    interface RunSink {

        /** The run's folder {@code outDir/runs/<variant>/<benchmark>/seed-<n>} (not necessarily existing yet). */
        Path runDir(RunSpec spec);

        /** Records a finished run in results.csv (durable when this returns) and prints a progress line. */
        void succeeded(RunSpec spec, RunResult result) throws IOException;

        /** Records a failed run in failures.csv and its error.txt, and prints it. */
        void failed(RunSpec spec, Throwable error) throws IOException;

        /** A run cut off by the stop before it finished: nothing is recorded (its checkpoint, if any, stays). */
        void stopped(RunSpec spec);
    }
}
