package io.dsr4j.bench.spark;

import io.dsr4j.bench.RemoteRunFailure;
import io.dsr4j.bench.RunSpec;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.train.run.ExperimentRunner;
import io.dsr4j.train.run.RunResult;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Spark task of one run, executed on an executor: rebuilds the run from its {@link RemoteRun} and the broadcast
 * {@link JobInputs}, trains it with the real trainer in a scratch folder, and returns the result and the files. A run
 * that throws (a broken plugin, a bad dataset) is an outcome like any other, not a task failure, so Spark does not
 * retry it and the job goes on; only a lost executor makes Spark run the task again, which gives the same run (runs
 * are deterministic in their seed).
 */
final class RunTask extends AbstractFunction2<TaskContext, Iterator<RemoteRun>, RemoteOutcome> implements Serializable {

    /** Files the driver writes itself (config.yaml, with the driver's paths) or that only matter mid-run. */
    static final List<String> NOT_RETURNED = List.of("config.yaml", ExperimentRunner.CHECKPOINT);

    private final Broadcast<JobInputs> inputs;

    RunTask(Broadcast<JobInputs> inputs) {
        this.inputs = inputs;
    }

    @Override
    public RemoteOutcome apply(TaskContext context, Iterator<RemoteRun> partition) {
        RemoteRun run = partition.next();
        Path scratch;
        try {
            // Spark's per-application folder on this executor: removed with the application even if this JVM dies.
            scratch = Files.createTempDirectory(Path.of(SparkFiles.getRootDirectory()), "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a disk problem of this executor: let Spark retry elsewhere
        }
        try {
            return execute(run, scratch);
        } finally {
            delete(scratch);
        }
    }

    RemoteOutcome execute(RemoteRun run, Path scratch) {
        Path runDir = scratch.resolve("run");
        try {
            JobInputs in = inputs.value();
            Path base = run.baseConfig() == null ? null : in.materialize(run.baseConfig(), scratch);
            String dataset = String.valueOf(run.overrides().get("task.dataset"));
            String localDataset = in.has(dataset) ? in.materialize(dataset, scratch).toString() : null;
            List<Path> jars = new ArrayList<>();
            for (String jar : in.pluginJarKeys()) jars.add(in.materialize(jar, scratch));
            PluginRegistry registry = PluginRegistry.load(Thread.currentThread().getContextClassLoader(), jars);
            RunSpec spec = new RunSpec(run.variant(), run.benchmark(), run.seed(), base,
                    run.overridesWithDataset(localDataset));
            Files.createDirectories(runDir);
            RunResult r;
            // A child process for this task's simplifications, ended with the task: a timed-out one is killed instead
            // of computing on in this executor beside the next tasks.
            try (TrainerRunExecutor executor = new TrainerRunExecutor(registry)) {
                r = executor.run(spec, runDir);
            }
            if (r == null) throw new IllegalStateException("the run executor returned no result");
            return RemoteOutcome.succeeded(run.index(), r, files(runDir));
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError || t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return RemoteOutcome.failed(run.index(), RemoteRunFailure.describe(t), trace.toString(), filesOrNone(runDir));
        }
    }

    /** Every file under {@code dir} except {@link #NOT_RETURNED}, by path relative to it ('/'-separated). */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (NOT_RETURNED.contains(rel) || f.getFileName().toString().endsWith(".tmp")) continue;
                out.put(rel, Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static Map<String, byte[]> filesOrNone(Path dir) {
        try {
            return files(dir);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // scratch space of the application: Spark removes it at the end anyway
        }
    }
}
