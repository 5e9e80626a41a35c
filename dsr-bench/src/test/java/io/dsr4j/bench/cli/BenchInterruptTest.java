package io.dsr4j.bench.cli;

import io.dsr4j.bench.BenchApp;
import io.dsr4j.bench.GridRunner;
import io.dsr4j.bench.ResultRow;
import io.dsr4j.bench.ResultsFile;
import io.dsr4j.bench.TrainerRunExecutor;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.train.TrainerCheckpoint;
import io.dsr4j.train.run.ExperimentRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to a real {@code dsr bench} process while runs are in flight (threads executor,
 * two at a time, and Spark in the process): the exit code is the signal's, the runs cut off leave no row in
 * results.csv (and no failure) but a checkpoint (threads), nothing else is lost, and running the same command again
 * gives exactly the rows of an uninterrupted grid (every column but the measured seconds).
 */
@Tag("slow")
class BenchInterruptTest {

    @TempDir
    static Path tmp;

    private static Path grid;
    private static Map<String, ResultRow> uninterrupted;

    @BeforeAll
    static void uninterruptedGrid() throws Exception {
        grid = tmp.resolve("sig.yaml");
        // long enough per run (200 iterations, no early stop) to be caught in flight; simplification off: its time
        // limit makes the symbolic columns load-dependent
        Files.writeString(grid, """
                name: sig
                overrides: {training.n_samples: 50000, training.batch_size: 250, training.early_stopping: false,
                            logging.simplify: false, logging.plots: false, logging.save_freq: 1}
                variants:
                  dsr: {}
                benchmarks: [Nguyen-1, Nguyen-2]
                seeds: 2
                """);
        Path reference = tmp.resolve("reference");
        try (TrainerRunExecutor executor = new TrainerRunExecutor(PluginRegistry.load())) {
            assertEquals(BenchApp.OK, BenchApp.run(grid, reference, 2, false, executor,
                    new PrintStream(OutputStream.nullOutputStream())));
        }
        uninterrupted = rowsWithoutTime(reference);
        assertEquals(4, uninterrupted.size());
    }

    @Test
    void sigtermStopsTheRunsInFlightWithoutRecordingThemAndTheSameCommandResumesThem() throws Exception {
        interruptAndResume("TERM", 143, List.of());
    }

    @Test
    void ctrlCDoesTheSame() throws Exception {
        // A process started in the background by a non-interactive shell (as a build may be) ignores SIGINT, and
        // so would its children: env resets it to the default, so that the JVM installs its handler.
        Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").start();
        Assumptions.assumeTrue(probe.waitFor() == 0, "env --default-signal (GNU coreutils 8.31+) is not available");
        interruptAndResume("INT", 130, List.of("env", "--default-signal=INT"));
    }

    /**
     * Spark embedded in the process ({@code --spark local[2]}): Spark's own shutdown hook cancels the tasks, which
     * must not come back as failures; a Spark task keeps no checkpoint, so the resume runs the cut runs again.
     */
    @Test
    void sigtermOnSparkLocalRecordsNothingForTheCancelledRunsAndTheSameCommandRunsThemAgain() throws Exception {
        Path out = tmp.resolve("bench-spark");
        Path sparkTmp = Files.createDirectories(tmp.resolve("spark-tmp"));   // where the tasks' scratch folders go
        List<String> jvm = new ArrayList<>(sparkOptions());
        jvm.add("-Djava.io.tmpdir=" + sparkTmp);
        List<String> args = List.of("--spark", "local[2]");
        Path log = tmp.resolve("spark.log");
        Process p = bench(List.of(), jvm, args, out, log);
        String printed = stopInFlight(p, "TERM", sparkTmp, log);
        assertEquals(143, p.exitValue(), printed);
        assertTrue(printed.contains("dsr: stopping: Spark cancels the runs in flight"), printed);
        assertTrue(printed.contains("dsr: interrupted: ") && printed.contains("Run the same command again to resume"),
                printed);
        Map<String, ResultRow> recorded = rowsWithoutTime(out);
        assertTrue(recorded.size() < 4, "the grid was cut short: " + recorded.keySet());
        recorded.forEach((k, row) -> assertEquals(uninterrupted.get(k), row, "a run finished before the signal"));
        assertFalse(Files.exists(out.resolve("failures.csv")), "a cancelled task is no failure: " + printed);
        assertFalse(Files.exists(out.resolve(GridRunner.LOCK)), "lock released");

        Path resumeLog = tmp.resolve("spark-resume.log");
        Process resume = bench(List.of(), jvm, args, out, resumeLog);
        assertTrue(resume.waitFor(300, TimeUnit.SECONDS), "resume finished: " + Files.readString(resumeLog));
        assertEquals(0, resume.exitValue(), Files.readString(resumeLog));
        assertEquals(uninterrupted, rowsWithoutTime(out), "resumed grid = uninterrupted grid");
    }

    /** The options Spark needs on Java 17 (as ./dsr adds them), taken from this test JVM's. */
    private static List<String> sparkOptions() {
        List<String> opts = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.equals("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Djdk.reflect.useDirectMethodHandle")) {
                opts.add(a);
            }
        }
        opts.add("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider");
        return opts;
    }

    /** Waits until a run under {@code runs} is in flight, sends {@code signal}, waits for the end; the output. */
    private static String stopInFlight(Process p, String signal, Path runs, Path log) throws Exception {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline && p.isAlive() && !runInFlight(runs)) Thread.sleep(50);
            assertTrue(p.isAlive(), "grid still going: " + Files.readString(log));
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "stopped: " + Files.readString(log));
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        return Files.readString(log);
    }

    private static void interruptAndResume(String signal, int expectedExit, List<String> prefix) throws Exception {
        Path out = tmp.resolve("bench-" + signal);
        Path log = tmp.resolve(signal + ".log");
        List<String> threads = List.of("--parallel", "2");
        Process p = bench(prefix, List.of(), threads, out, log);
        String printed = stopInFlight(p, signal, out.resolve("runs"), log);
        assertEquals(expectedExit, p.exitValue(), printed);
        assertTrue(printed.contains("dsr: stopping: each running run saves a checkpoint"), printed);
        assertTrue(printed.contains("dsr: interrupted: ") && printed.contains("Run the same command again to resume"),
                printed);

        Map<String, ResultRow> recorded = rowsWithoutTime(out);
        List<String> cut = new ArrayList<>();
        for (Path ckpt : files(out.resolve("runs"), ExperimentRunner.CHECKPOINT)) {
            Path seedDir = ckpt.getParent();
            String key = "dsr/" + seedDir.getParent().getFileName() + "/" + seedDir.getFileName().toString().substring(5);
            cut.add(key);
            assertFalse(recorded.containsKey(key), key + " was cut off but recorded: " + recorded.keySet());
            assertTrue(TrainerCheckpoint.verify(ckpt).ok(), ckpt + " intact");
        }
        assertFalse(cut.isEmpty(), "a run was in flight when the signal came: " + printed);
        assertTrue(recorded.size() < 4, "the grid was cut short: " + recorded.keySet());
        recorded.forEach((k, row) -> assertEquals(uninterrupted.get(k), row, "a run finished before the signal"));
        assertFalse(Files.exists(out.resolve("failures.csv")), "no failure recorded: " + printed);
        assertTrue(files(out.resolve("runs"), "error.txt").isEmpty(), printed);
        assertFalse(Files.exists(out.resolve(GridRunner.LOCK)), "lock released");

        Path resumeLog = tmp.resolve(signal + "-resume.log");
        Process resume = bench(List.of(), List.of(), threads, out, resumeLog);
        assertTrue(resume.waitFor(300, TimeUnit.SECONDS), "resume finished: " + Files.readString(resumeLog));
        assertEquals(0, resume.exitValue(), Files.readString(resumeLog));
        assertEquals(uninterrupted, rowsWithoutTime(out), "resumed grid = uninterrupted grid; cut off: " + cut);
        assertTrue(files(out.resolve("runs"), ExperimentRunner.CHECKPOINT).isEmpty(), "checkpoints of finished runs are removed");
    }

    /** {@code [prefix] java [jvm] Main bench GRID --out OUT [args]}: a separate JVM with this test's class path. */
    private static Process bench(List<String> prefix, List<String> jvm, List<String> args, Path out, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", grid.toString(),
                "--out", out.toString()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A run under {@code root} has logged a few iterations and is not finished (no result.yaml yet). */
    private static boolean runInFlight(Path root) throws IOException {
        for (Path f : files(root, "iterations.csv")) {
            try {
                if (!Files.exists(f.resolveSibling("result.yaml")) && Files.readAllLines(f).size() > 4) return true;
            } catch (IOException gone) {
                // a Spark task's scratch folder is deleted when its run ends
            }
        }
        return false;
    }

    /** The files named {@code name} under {@code root}. */
    private static List<Path> files(Path root, String name) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.getFileName().toString().equals(name)).toList();
        } catch (java.io.UncheckedIOException gone) {
            return List.of();   // a folder vanished while walking (a Spark task's scratch): look again later
        }
    }

    /** results.csv rows by run key, the measured seconds set to 0. */
    private static Map<String, ResultRow> rowsWithoutTime(Path outDir) {
        Map<String, ResultRow> m = new TreeMap<>();
        for (ResultRow r : ResultsFile.read(outDir.resolve(ResultsFile.NAME))) {
            m.put(r.key(), new ResultRow(r.variant(), r.benchmark(), r.seed(), r.success(), r.iterations(), r.nSamples(),
                    0, r.rBest(), r.nmseTestNoiseless(), r.expression(), r.nmseTest(), r.complexity(), r.traversal(),
                    r.symbolicSuccess(), r.simplified()));
        }
        return m;
    }
}
