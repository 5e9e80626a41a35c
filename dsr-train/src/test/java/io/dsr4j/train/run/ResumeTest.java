package io.dsr4j.train.run;

import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.cli.DsrCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resumed run reaches exactly the result of an uninterrupted run with the same seed. */
class ResumeTest {

    @TempDir
    Path tmp;

    private static DsrConfig cfg() {
        // Constants are fitted (CKoza-like set) so that the cache with fitted constants matters too.
        return config(4000, 250, Map.of("training.early_stopping", "false", "training.checkpoint.every", "1",
                "task.function_set", "[add,sub,mul,div,sin,cos,exp,log,const]"));
    }

    private void assertSameRun(Path expected, Path actual, long seed) throws Exception {
        assertEquals(rows(expected.resolve("seed_" + seed + "/iterations.csv"), "time", "evals_per_s"),
                rows(actual.resolve("seed_" + seed + "/iterations.csv"), "time", "evals_per_s"));
        assertEquals(rows(expected.resolve("summary.csv"), "seconds"), rows(actual.resolve("summary.csv"), "seconds"));
        assertEquals(rows(expected.resolve("seed_" + seed + "/hof.csv")), rows(actual.resolve("seed_" + seed + "/hof.csv")));
    }

    @Test
    void interruptedInProcessThenResumed() throws Exception {
        Path full = ExperimentRunner.newRunDirectory(tmp, "full");
        runner().start(cfg(), full, List.of(3L), 1);

        Path cut = ExperimentRunner.newRunDirectory(tmp, "cut");
        ExperimentRunner first = runner();
        AtomicInteger polls = new AtomicInteger();
        first.setStop(() -> polls.incrementAndGet() > 7); // stop after 7 of the 16 iterations
        List<RunResult> none = first.start(cfg(), cut, List.of(3L), 1);
        assertTrue(none.isEmpty(), "stopped run has no result");
        assertTrue(Files.exists(cut.resolve("seed_3/" + ExperimentRunner.CHECKPOINT)));
        assertEquals(7, rows(cut.resolve("seed_3/iterations.csv")).size());

        runner().execute(cfg(), cut, List.of(3L), 1, true);
        assertSameRun(full, cut, 3);
    }

    @Test
    void killedProcessThenResumedFromTheCommandLine() throws Exception {
        Path full = ExperimentRunner.newRunDirectory(tmp, "full");
        runner().start(cfg(), full, List.of(4L), 1);

        Path cfgFile = tmp.resolve("run.yaml");
        Files.writeString(cfgFile, cfg().resolvedYaml());
        Path out = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DsrCli.class.getName(), "run", cfgFile.toString(),
                "--seed", "4", "--out", out.toString(), "--set", "experiment.exp_name=k"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path ckpt = out.resolve("k/seed_4/" + ExperimentRunner.CHECKPOINT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Kill it as soon as a few checkpoints were written (hard kill: no shutdown hooks, no flushing).
        while (System.nanoTime() < deadline && p.isAlive()
                && !(Files.exists(ckpt) && rows(out.resolve("k/seed_4/iterations.csv")).size() >= 4)) {
            Thread.sleep(20);
        }
        boolean killedEarly = p.isAlive();
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(killedEarly, "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));

        int rc = DsrCli.execute(new String[]{"run", "--resume", out.resolve("k").toString()});
        assertEquals(0, rc);
        assertSameRun(full, out.resolve("k"), 4);
        assertTrue(new File(out.resolve("k/seed_4/result.yaml").toString()).exists());
    }

    @Test
    void resumeFindsFilesGivenRelativeToTheConfigFile() throws Exception {
        // --resume reads config.yaml from the run directory: a dataset and a weights file named relative to the
        // user's config file must still be found from there
        Path exp = Files.createDirectories(tmp.resolve("exp"));
        StringBuilder data = new StringBuilder("x,y\n");
        StringBuilder weights = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            double x = -1 + i / 10.0;
            data.append(x).append(',').append(x * x * x + Math.sin(x)).append('\n');
            weights.append(1 + i % 2).append('\n');
        }
        Files.writeString(exp.resolve("data.csv"), data);
        Files.writeString(exp.resolve("weights.txt"), weights);
        Path cfgFile = exp.resolve("my.yaml");
        Files.writeString(cfgFile, "task: {dataset: data.csv, sample_weights: weights.txt}\n");
        DsrConfig c = ConfigLoader.load(cfgFile, List.of("training.n_samples=4000", "training.batch_size=250",
                "training.early_stopping=false", "logging.progress=off", "logging.simplify=false", "logging.plots=false"));

        Path cut = ExperimentRunner.newRunDirectory(tmp.resolve("out"), "data");
        ExperimentRunner first = runner();
        AtomicInteger polls = new AtomicInteger();
        first.setStop(() -> polls.incrementAndGet() > 3);
        assertTrue(first.start(c, cut, List.of(0L), 1).isEmpty(), "stopped run has no result");

        assertEquals(0, DsrCli.execute(new String[]{"run", "--resume", cut.toString()}));
        assertEquals(16, rows(cut.resolve("seed_0/iterations.csv")).size());
    }
}
