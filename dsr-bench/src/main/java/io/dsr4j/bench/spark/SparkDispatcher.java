package io.dsr4j.bench.spark;

import io.dsr4j.bench.RemoteRunFailure;
import io.dsr4j.bench.RunDispatcher;
import io.dsr4j.bench.RunSpec;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.train.run.AtomicFiles;
import io.dsr4j.train.run.ExperimentRunner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a grid's pending runs as one Spark job with one task per run (in grid order). Each task's outcome comes back to
 * this driver as soon as the task finishes; the driver writes the run's files into its run folder (atomically, as the
 * thread executor's files would be) and then hands the result to {@link RunSink}, which appends the row to
 * results.csv. A task Spark reruns (its executor died) reports once: Spark delivers one result per task, and the sink
 * ignores a run it already has.
 */
public final class SparkDispatcher implements RunDispatcher {

    private static final Object JOB_DONE = new Object();
    /** How often the driver looks at the stop request while it waits for runs to finish. */
    private static final long STOP_POLL_MS = 200;

    private final SparkConf conf;
    private final List<Path> pluginPaths;
    private final TrainerRunExecutor driverExecutor;
    private final PrintStream log;

    /**
     * @param conf           the Spark configuration (see {@link SparkSetup#conf}); the context is created when there
     *                       is something to run and stopped when the runs are done
     * @param pluginPaths    plugin directories and jars of this driver, shipped to the executors
     * @param driverExecutor resolves each run's config.yaml here, with the driver's paths
     * @param log            Spark-side messages (job start, what is shipped)
     */
    public SparkDispatcher(SparkConf conf, List<Path> pluginPaths, TrainerRunExecutor driverExecutor, PrintStream log) {
        this.conf = conf;
        this.pluginPaths = List.copyOf(pluginPaths);
        this.driverExecutor = driverExecutor;
        this.log = log;
    }

    @Override
    public String describe() {
        return "as Spark tasks on " + conf.get("spark.master", "?");
    }

    @Override
    public void dispatch(List<RunSpec> pending, RunSink sink, BooleanSupplier stop) throws IOException, InterruptedException {
        try {
            runJob(pending, sink, stop);
        } catch (IOException | RuntimeException e) {
            // Ctrl-C / SIGTERM: Spark's own shutdown hook stops the context at once, so the job (or the context's
            // start) fails; that is the stop, not an error. Runs recorded before it stay recorded.
            if (!stop.getAsBoolean()) throw e;
        }
    }

    private void runJob(List<RunSpec> pending, RunSink sink, BooleanSupplier stop) throws IOException, InterruptedException {
        JobInputs inputs = JobInputs.of(pending, pluginPaths);
        List<RemoteRun> runs = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) runs.add(RemoteRun.of(i, pending.get(i)));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            log.printf("spark: application %s on %s, %d executor cores by default; shipping %d file(s) (%d bytes)%n",
                    sc.sc().applicationId(), sc.master(), sc.defaultParallelism(), inputs.sizes().size(),
                    inputs.sizes().values().stream().mapToLong(Integer::longValue).sum());
            Broadcast<JobInputs> shipped = sc.broadcast(inputs);
            JavaRDD<RemoteRun> rdd = sc.parallelize(runs, runs.size());   // one partition, so one task, per run
            BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
            Thread job = new Thread(() -> {
                try {
                    sc.sc().setJobDescription("dsr4j grid: " + runs.size() + " runs");
                    sc.sc().runJob(rdd.rdd(), new RunTask(shipped), new Enqueue(outcomes), outcomeTag());
                    outcomes.add(JOB_DONE);
                } catch (Throwable t) {
                    outcomes.add(t);
                }
            }, "spark-grid-job");
            job.setDaemon(true);
            job.start();
            boolean cancelled = false;
            try {
                while (true) {
                    Object o = outcomes.poll(STOP_POLL_MS, TimeUnit.MILLISECONDS);
                    if (stop.getAsBoolean() && !cancelled) {
                        sc.cancelAllJobs();   // the job then ends with an error, which is the stop
                        cancelled = true;
                    }
                    if (o == null) continue;
                    if (o == JOB_DONE) break;
                    if (o instanceof Throwable t) {
                        if (stop.getAsBoolean()) break;
                        throw new IOException("the Spark job stopped: " + t.getMessage() + " (finished runs are "
                                + "recorded; run the same command again to do the others)", t);
                    }
                    record((RemoteOutcome) o, pending, sink, stop);
                }
            } catch (InterruptedException | IOException | RuntimeException e) {
                sc.cancelAllJobs();
                throw e;
            } finally {
                // after a stop, Spark's shutdown hook is stopping the context, which drops the broadcast itself
                if (!stop.getAsBoolean()) shipped.destroy();
            }
        }
    }

    /**
     * Writes the run's files, then records its row (or failure): a row in results.csv implies its folder is complete.
     * A run that failed once the stop was requested was cut off by it (Spark kills the tasks): nothing is recorded.
     */
    private void record(RemoteOutcome o, List<RunSpec> pending, RunSink sink, BooleanSupplier stop) throws IOException {
        RunSpec spec = pending.get(o.index());
        if (!o.ok() && stop.getAsBoolean()) {
            sink.stopped(spec);
            return;
        }
        Path dir = sink.runDir(spec);
        Files.createDirectories(dir);
        // an earlier driver killed while writing this run's files (its row never recorded) may have left temp files
        AtomicFiles.removeTemporaries(dir);
        for (Map.Entry<String, byte[]> f : o.files().entrySet()) {
            Path target = dir.resolve(f.getKey()).normalize();
            if (!target.startsWith(dir)) throw new IOException("run " + spec.key() + " returned a file outside its folder: " + f.getKey());
            AtomicFiles.write(target, new String(f.getValue(), StandardCharsets.UTF_8));
        }
        if (o.ok()) {
            AtomicFiles.write(dir.resolve("config.yaml"), driverExecutor.config(spec).resolvedYaml());
            Files.deleteIfExists(dir.resolve(ExperimentRunner.CHECKPOINT));   // of an earlier, interrupted attempt
            sink.succeeded(spec, o.result().toRunResult());
        } else {
            sink.failed(spec, new RemoteRunFailure(o.failure(), o.failureTrace()));
        }
    }

    @SuppressWarnings("unchecked")
    private static ClassTag<RemoteOutcome> outcomeTag() {
        return (ClassTag<RemoteOutcome>) (ClassTag<?>) ClassTag$.MODULE$.apply(RemoteOutcome.class);
    }

    /** Spark's result handler (driver side, called once per finished task): hands the outcome to the recording loop. */
    private static final class Enqueue extends AbstractFunction2<Object, RemoteOutcome, BoxedUnit> {
        private final BlockingQueue<Object> queue;

        Enqueue(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public BoxedUnit apply(Object partition, RemoteOutcome outcome) {
            queue.add(outcome);
            return BoxedUnit.UNIT;
        }
    }
}
