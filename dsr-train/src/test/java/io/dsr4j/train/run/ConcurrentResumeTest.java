package io.dsr4j.train.run;

import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.cli.DsrCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.dsr4j.train.run.RunTestSupport.column;
import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two resumes of one run directory: the second (here in this JVM) is refused with exit 2 while the first (a real
 * process) runs, and the directory stays consistent; after the first is killed with kill -9 its lock is not held.
 */
@Tag("slow")
class ConcurrentResumeTest {

    @TempDir
    Path tmp;

    @Test
    void secondResumeIsRefusedWhileTheFirstRuns() throws Exception {
        // a budget far beyond the test: the first resume is still running when the second starts
        DsrConfig c = config(4_000_000, 250, Map.of("training.early_stopping", "false", "training.checkpoint.every", "1"));
        Path dir = ExperimentRunner.newRunDirectory(tmp, "r");
        ExperimentRunner first = runner();
        AtomicInteger polls = new AtomicInteger();
        first.setStop(() -> polls.incrementAndGet() > 3);
        first.start(c, dir, List.of(5L), 1);

        Path log = tmp.resolve("a.log");
        Process a = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DsrCli.class.getName(), "run", "--resume", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && a.isAlive()
                    && !(Files.exists(log) && Files.readString(log).contains("resumed at iteration"))) {
                Thread.sleep(20);
            }
            assertTrue(a.isAlive(), "first resume running: " + Files.readString(log));

            CommandLine cl = DsrCli.commandLine(new DsrCli());
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err, true));
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            java.io.PrintStream stdout = System.out;
            int exit;
            try {
                System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
                exit = cl.execute("run", "--resume", dir.toString());
            } finally {
                System.setOut(stdout);
            }
            assertEquals(2, exit, err.toString());
            // refused first: no library/priors banner of a run that is not going to happen
            assertFalse(printed.toString(java.nio.charset.StandardCharsets.UTF_8).contains("library:"),
                    printed.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(err.toString().contains("another 'dsr run' is writing into this run directory"), err.toString());
            assertTrue(err.toString().contains("held by process " + a.pid()), err.toString());
            assertTrue(a.isAlive(), "the first resume is not disturbed");
        } finally {
            a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        // one row per iteration, in order: nobody else wrote into the log
        Path iterations = dir.resolve("seed_5/iterations.csv");
        int col = column(iterations, "iteration");
        List<List<String>> rows = rows(iterations);
        for (int i = 0; i < rows.size(); i++) assertEquals(String.valueOf(i), rows.get(i).get(col), "row " + (i + 1));
        assertFalse(Files.exists(dir.resolve("seed_5/" + ExperimentRunner.ERROR)));

        // the killed process's lock is gone with it
        try (DirLock lock = DirLock.acquire(dir, ExperimentRunner.LOCK, "busy")) {
            assertTrue(Files.exists(dir.resolve(ExperimentRunner.LOCK)));
        }
        assertFalse(Files.exists(dir.resolve(ExperimentRunner.LOCK)), "lock file removed on release");
    }
}
