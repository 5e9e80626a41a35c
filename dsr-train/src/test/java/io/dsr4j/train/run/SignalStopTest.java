package io.dsr4j.train.run;

import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.cli.DsrCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.dsr4j.train.run.RunTestSupport.REGISTRY;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop signal to a real {@code dsr run} process, with periodic checkpoints off: the running seed stops after its
 * iteration, saves a checkpoint exactly there, the lock is released, the exit code is the signal's, and a resume
 * continues from that iteration. SIGTERM here: SIGINT (Ctrl-C) takes the same path (both run the JVM's shutdown
 * hooks), but a process started in the background by a non-interactive shell, as a build may be, ignores SIGINT.
 */
@Tag("slow")
class SignalStopTest {

    @TempDir
    Path tmp;

    @Test
    void stopSignalSavesAFinalCheckpointAtTheLastIteration() throws Exception {
        Path log = tmp.resolve("run.log");
        Path out = tmp.resolve("runs");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DsrCli.class.getName(), "run", "--out", out.toString(),
                "--set", "task.dataset=Nguyen-1", "--set", "training.n_samples=4000000", "--set", "training.batch_size=250",
                "--set", "training.early_stopping=false", "--set", "logging.progress=off", "--set", "logging.save_freq=1",
                "--set", "experiment.exp_name=sig")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path iterations = out.resolve("sig/seed_0/iterations.csv");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && p.isAlive()
                    && !(Files.exists(iterations) && Files.readAllLines(iterations).size() > 4)) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "run still going: " + Files.readString(log));
            assertFalse(Files.exists(out.resolve("sig/seed_0/" + ExperimentRunner.CHECKPOINT)), "no periodic checkpoint");
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "stopped: " + Files.readString(log));
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(log);
        assertEquals(143, p.exitValue(), printed);
        assertTrue(printed.contains("dsr: stopping: each running seed saves a checkpoint"), printed);
        assertTrue(printed.contains("stopped before seed(s) [0] finished"), printed);
        Path dir = out.resolve("sig");
        assertTrue(Files.exists(dir.resolve("seed_0/" + ExperimentRunner.CHECKPOINT)), printed);
        assertFalse(Files.exists(dir.resolve(ExperimentRunner.LOCK)), "lock released");

        // the checkpoint is where the log ends: a resume (stopped at once) starts at that iteration
        int logged = rows(iterations).size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExperimentRunner resume = new ExperimentRunner(REGISTRY, new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
        resume.setStop(() -> true);
        DsrConfig c = ConfigLoader.load(dir.resolve("config.yaml"), List.of());
        resume.resume(c, dir, List.of(0L), 1);
        Matcher m = Pattern.compile("seed 0: resumed at iteration (\\d+)").matcher(bytes.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), bytes.toString(StandardCharsets.UTF_8));
        assertTrue(logged > 4, "iterations logged: " + logged);
        assertEquals(logged, Integer.parseInt(m.group(1)));
    }
}
