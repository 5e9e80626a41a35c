package io.dsr4j.train.run;

import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.cli.DsrCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A disk that fills during a run (a small tmpfs this test mounts; root only, skipped elsewhere): exit 1 with a
 * one-line reason, no temporary files, no torn file; after space is freed, resume finishes exactly as an
 * uninterrupted run.
 */
@Tag("slow")
class DiskFullTest {

    @TempDir
    Path tmp;

    private static DsrConfig cfg() {
        return config(4000, 250, Map.of("training.early_stopping", "false", "training.checkpoint.every", "1",
                "task.function_set", "[add,sub,mul,div,sin,cos,exp,log,const]"));
    }

    private static int sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    record Result(int exit, String out, String err) { }

    private static synchronized Result cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = DsrCli.commandLine(new DsrCli());
            cl.setErr(new PrintWriter(cliErr, true));
            int exit = cl.execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), cliErr + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void fullDiskFailsCleanlyAndTheRunResumesExactly() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
        // how big the checkpoints of this run get: about two must fit for a few iterations, not for all 16
        Path probe = ExperimentRunner.newRunDirectory(tmp, "probe");
        ExperimentRunner stopped = runner();
        AtomicInteger polls = new AtomicInteger();
        stopped.setStop(() -> polls.incrementAndGet() > 6);
        stopped.start(cfg(), probe, List.of(2L), 1);
        long checkpoint = Files.size(probe.resolve("seed_2/" + ExperimentRunner.CHECKPOINT));

        Path full = ExperimentRunner.newRunDirectory(tmp, "full");
        runner().start(cfg(), full, List.of(2L), 1);

        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        long kb = (2 * checkpoint + 64 * 1024) / 1024;
        Assumptions.assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=" + kb + "k", "tmpfs", mnt.toString()) == 0,
                "cannot mount a tmpfs here");
        try {
            Path cfgFile = tmp.resolve("exp.yaml");
            Files.writeString(cfgFile, cfg().resolvedYaml());
            Result r = cli("run", cfgFile.toString(), "--seed", "2", "--out", mnt.toString(), "--set", "experiment.exp_name=k");
            Path runDir = mnt.resolve("k");
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("No space left on device"), r.err());
            assertTrue(r.err().contains("seed 2 failed") && !r.err().contains("\tat "), r.err());
            assertTrue(r.err().contains(ExperimentRunner.ERROR) && (Files.exists(runDir.resolve("seed_2/error.txt"))
                    || r.err().contains("could not write")), "error.txt written or said not to be: " + r.err());
            try (Stream<Path> s = Files.walk(mnt)) {
                List<Path> temps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
                assertEquals(List.of(), temps, "no temporary files left");
            }
            assertTrue(Files.exists(runDir.resolve("seed_2/" + ExperimentRunner.CHECKPOINT)), "a good checkpoint stays");

            assertEquals(0, sh("mount", "-o", "remount,size=64m", mnt.toString()), "grow the tmpfs");
            Result resumed = cli("run", "--resume", runDir.toString());
            assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
            assertEquals(rows(full.resolve("seed_2/iterations.csv"), "time", "evals_per_s"),
                    rows(runDir.resolve("seed_2/iterations.csv"), "time", "evals_per_s"));
            assertEquals(rows(full.resolve("summary.csv"), "seconds"), rows(runDir.resolve("summary.csv"), "seconds"));
            assertTrue(Files.notExists(runDir.resolve("seed_2/error.txt")), "the stale error.txt goes when the seed finishes");
        } finally {
            sh("umount", "-l", mnt.toString());
        }
    }
}
