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
 * two at a time): the exit code is the signal's, the runs cut off leave no row in results.csv (and no failure) but a
 * checkpoint, nothing else is lost, and running the same command again gives exactly the rows of an uninterrupted
 * grid (every column but the measured seconds).
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
        assertEquals(BenchApp.OK, BenchApp.run(grid, reference, 2, false, new TrainerRunExecutor(PluginRegistry.load()),
                new PrintStream(OutputStream.nullOutputStream())));
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

    private static void interruptAndResume(String signal, int expectedExit, List<String> prefix) throws Exception {
        Path out = tmp.resolve("bench-" + signal);
        Path log = tmp.resolve(signal + ".log");
        Process p = bench(prefix, out, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline && p.isAlive() && !runInFlight(out)) Thread.sleep(50);
            assertTrue(p.isAlive(), "grid still going: " + Files.readString(log));
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "stopped: " + Files.readString(log));
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(log);
        assertEquals(expectedExit, p.exitValue(), printed);
        assertTrue(printed.contains("dsr: stopping: each running run saves a checkpoint"), printed);
        assertTrue(printed.contains("dsr: interrupted: ") && printed.contains("Run the same command again to resume"),
                printed);

        Map<String, ResultRow> recorded = rowsWithoutTime(out);
        List<String> cut = new ArrayList<>();
        for (Path ckpt : files(out, ExperimentRunner.CHECKPOINT)) {
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
        assertTrue(files(out, "error.txt").isEmpty(), printed);
        assertFalse(Files.exists(out.resolve(GridRunner.LOCK)), "lock released");

        Path resumeLog = tmp.resolve(signal + "-resume.log");
        Process resume = bench(List.of(), out, resumeLog);
        assertTrue(resume.waitFor(300, TimeUnit.SECONDS), "resume finished: " + Files.readString(resumeLog));
        assertEquals(0, resume.exitValue(), Files.readString(resumeLog));
        assertEquals(uninterrupted, rowsWithoutTime(out), "resumed grid = uninterrupted grid; cut off: " + cut);
        assertTrue(files(out, ExperimentRunner.CHECKPOINT).isEmpty(), "checkpoints of finished runs are removed");
    }

    /** {@code dsr bench GRID --out OUT --parallel 2} as a separate JVM with this test's class path. */
    private static Process bench(List<String> prefix, Path out, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench", grid.toString(), "--out", out.toString(), "--parallel", "2"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A run has logged a few iterations and is not finished (no result.yaml yet). */
    private static boolean runInFlight(Path out) throws IOException {
        for (Path f : files(out, "iterations.csv")) {
            if (!Files.exists(f.resolveSibling("result.yaml")) && Files.readAllLines(f).size() > 4) return true;
        }
        return false;
    }

    private static List<Path> files(Path out, String name) throws IOException {
        if (!Files.isDirectory(out.resolve("runs"))) return List.of();
        try (Stream<Path> s = Files.walk(out.resolve("runs"))) {
            return s.filter(f -> f.getFileName().toString().equals(name)).toList();
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
