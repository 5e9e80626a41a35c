package io.dsr4j.train.run;

import io.dsr4j.config.DsrConfig;
import io.dsr4j.train.TrainerCheckpoint;
import io.dsr4j.train.cli.DsrCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A damaged checkpoint never resumes silently: resume refuses with exit 2, names the file and says what to do, and
 * writes nothing; following the advice (the kept previous checkpoint, or starting the seed over) gives exactly the
 * uninterrupted run.
 */
class CheckpointIntegrityTest {

    @TempDir
    Path tmp;

    private static DsrConfig cfg() {
        return config(4000, 250, Map.of("training.early_stopping", "false", "training.checkpoint.every", "1",
                "task.function_set", "[add,sub,mul,div,sin,cos,exp,log,const]"));
    }

    record Result(int exit, String err) { }

    private static Result resume(Path runDir) {
        CommandLine cl = DsrCli.commandLine(new DsrCli());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("run", "--resume", runDir.toString());
        return new Result(exit, err.toString());
    }

    /** A run of seed 3 stopped after {@code iterations} iterations, with its checkpoint (and the previous one). */
    private Path stoppedRun(String name, int iterations) throws Exception {
        Path dir = ExperimentRunner.newRunDirectory(tmp, name);
        ExperimentRunner r = runner();
        AtomicInteger polls = new AtomicInteger();
        r.setStop(() -> polls.incrementAndGet() > iterations);
        assertTrue(r.start(cfg(), dir, List.of(3L), 1).isEmpty());
        return dir;
    }

    private void assertSameRun(Path expected, Path actual) throws Exception {
        assertEquals(rows(expected.resolve("seed_3/iterations.csv"), "time", "evals_per_s"),
                rows(actual.resolve("seed_3/iterations.csv"), "time", "evals_per_s"));
        assertEquals(rows(expected.resolve("summary.csv"), "seconds"), rows(actual.resolve("summary.csv"), "seconds"));
        assertEquals(rows(expected.resolve("seed_3/hof.csv")), rows(actual.resolve("seed_3/hof.csv")));
    }

    @Test
    void everyFlippedBitIsDetected() throws Exception {
        Path dir = stoppedRun("bits", 3);
        Path ckpt = dir.resolve("seed_3/" + ExperimentRunner.CHECKPOINT);
        byte[] good = Files.readAllBytes(ckpt);
        assertTrue(TrainerCheckpoint.verify(ckpt).ok());
        assertEquals(3, TrainerCheckpoint.verify(ckpt).iteration());
        Random rnd = new Random(11);
        Path copy = tmp.resolve("copy.bin");
        for (int trial = 0; trial < 200; trial++) {
            byte[] bad = good.clone();
            int at = trial < 8 ? bad.length - 1 - trial : rnd.nextInt(bad.length); // the trailer too
            bad[at] ^= (byte) (1 << rnd.nextInt(8));
            Files.write(copy, bad);
            assertFalse(TrainerCheckpoint.verify(copy).ok(), "flip at byte " + at + " of " + bad.length);
        }
        for (int len : new int[]{0, 7, 8, 100, good.length / 2, good.length - 1}) {
            Files.write(copy, Arrays.copyOf(good, len));
            assertFalse(TrainerCheckpoint.verify(copy).ok(), "truncated to " + len);
        }
    }

    @Test
    void flippedBitIsRefusedThenThePreviousCheckpointResumesExactly() throws Exception {
        Path full = ExperimentRunner.newRunDirectory(tmp, "full");
        runner().start(cfg(), full, List.of(3L), 1);

        Path cut = stoppedRun("cut", 7);
        Path ckpt = cut.resolve("seed_3/" + ExperimentRunner.CHECKPOINT);
        Path prev = TrainerCheckpoint.previous(ckpt);
        assertTrue(Files.exists(prev), "the checkpoint before the last one is kept");
        byte[] bytes = Files.readAllBytes(ckpt);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(ckpt, bytes);
        byte[] log = Files.readAllBytes(cut.resolve("seed_3/iterations.csv"));

        Result refused = resume(cut);
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains(ckpt + " is damaged") && refused.err().contains("checksum"), refused.err());
        assertTrue(refused.err().contains("mv " + prev + " " + ckpt), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());
        assertArrayEquals(bytes, Files.readAllBytes(ckpt), "nothing written");
        assertArrayEquals(log, Files.readAllBytes(cut.resolve("seed_3/iterations.csv")), "nothing written");
        assertFalse(Files.exists(cut.resolve(ExperimentRunner.SUMMARY)));

        Files.move(prev, ckpt, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // what the message says
        Result resumed = resume(cut);
        assertEquals(0, resumed.exit(), resumed.err());
        assertSameRun(full, cut);
        assertFalse(Files.exists(ckpt) || Files.exists(prev), "checkpoints removed when the seed finished");
    }

    @Test
    void truncatedCheckpointWithoutPreviousSaysStartOverAndThatIsExactToo() throws Exception {
        Path full = ExperimentRunner.newRunDirectory(tmp, "full");
        runner().start(cfg(), full, List.of(3L), 1);

        Path cut = stoppedRun("cut", 4);
        Path ckpt = cut.resolve("seed_3/" + ExperimentRunner.CHECKPOINT);
        Files.delete(TrainerCheckpoint.previous(ckpt));
        byte[] bytes = Files.readAllBytes(ckpt);
        Files.write(ckpt, Arrays.copyOf(bytes, bytes.length / 3));

        Result refused = resume(cut);
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains(ckpt + " is damaged") && refused.err().contains("start seed 3 over"), refused.err());

        Files.delete(ckpt);
        Result resumed = resume(cut);
        assertEquals(0, resumed.exit(), resumed.err());
        assertSameRun(full, cut);
    }
}
