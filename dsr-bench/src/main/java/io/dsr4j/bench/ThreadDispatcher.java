package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.train.run.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/** Runs a grid's pending runs with a {@link RunExecutor}, {@code parallel} at a time, in threads of this JVM. */
public final class ThreadDispatcher implements RunDispatcher {

    private final RunExecutor executor;
    private final int parallel;

    public ThreadDispatcher(RunExecutor executor, int parallel) {
        if (parallel < 1) throw new ConfigException("--parallel must be at least 1, found " + parallel);
        this.executor = executor;
        this.parallel = parallel;
    }

    @Override
    public String describe() {
        return parallel + " at a time";
    }

    @Override
    public void dispatch(List<RunSpec> pending, RunSink sink, BooleanSupplier stop) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "bench-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunSpec spec : pending) {
                futures.add(pool.submit(() -> {
                    if (!stop.getAsBoolean()) runOne(spec, sink, stop);   // after a stop, queued runs do not start
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // runOne reports run failures itself; this is a failure to record one (disk full, ...)
                    throw new IOException("cannot record a run's result: " + FailureLog.describe(e.getCause()), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void runOne(RunSpec spec, RunSink sink, BooleanSupplier stop) throws IOException {
        Path runDir = sink.runDir(spec);
        Files.createDirectories(runDir);
        RunResult result;
        try {
            result = executor.run(spec, runDir, stop);
            if (result == null && stop.getAsBoolean()) {
                sink.stopped(spec);
                return;
            }
            if (result == null) throw new IllegalStateException("the run executor returned no result");
        } catch (Throwable t) {
            if (t instanceof InterruptedException) Thread.currentThread().interrupt();
            sink.failed(spec, t);
            if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError || t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            return;
        }
        sink.succeeded(spec, result);
    }
}
