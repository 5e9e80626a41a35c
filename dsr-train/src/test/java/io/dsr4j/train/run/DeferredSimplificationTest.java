package io.dsr4j.train.run;

import io.dsr4j.config.DsrConfig;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.Verdict;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.dsr4j.train.run.RunTestSupport.QUIET;
import static io.dsr4j.train.run.RunTestSupport.column;
import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simplification in a second step ({@code ./dsr run}'s second JVM) writes exactly what a run simplifying itself writes. */
@Tag("slow")
class DeferredSimplificationTest {

    @TempDir
    Path tmp;

    @Test
    void aDeferredRunThenSimplifyPendingWritesTheSameFilesAsARunThatSimplifiesItself() throws Exception {
        DsrConfig c = config(200_000, 1000, Map.of());
        List<Long> seeds = List.of(0L, 1L);
        Path direct = ExperimentRunner.newRunDirectory(tmp, "direct");
        runner().start(c, direct, seeds, 1);

        ExperimentRunner deferring = runner();
        deferring.deferSimplification(true);
        Path deferred = ExperimentRunner.newRunDirectory(tmp, "deferred");
        List<RunResult> first = deferring.start(c, deferred, seeds, 1);
        assertEquals(seeds, deferring.pendingSimplification());
        for (RunResult r : first) {
            assertEquals(Simplified.Status.PENDING, r.simplified().status(), "raw forms until the second step");
            assertEquals(r.expression(), r.simplified().infix());
            assertEquals(Verdict.UNKNOWN, r.symbolicSuccess());
            assertTrue(Files.exists(deferred.resolve("seed_" + r.seed()).resolve(PendingOutputs.FILE)));
        }
        Path summary = deferred.resolve("summary.csv");
        assertEquals("pending", rows(summary).get(0).get(column(summary, "simplify_status")));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SymbolicMath math = SymbolicMath.create()) {
            List<String> failed = SimplifyPending.run(deferred, math, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(List.of(), failed);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("seed 0: recovered (symbolically) in "),
                printed.toString(StandardCharsets.UTF_8));
        for (long s : seeds) {
            Path d = direct.resolve("seed_" + s);
            Path p = deferred.resolve("seed_" + s);
            assertFalse(Files.exists(p.resolve(PendingOutputs.FILE)), "done: the pending file is gone");
            assertEquals(Files.readString(d.resolve("hof.csv")), Files.readString(p.resolve("hof.csv")));
            assertEquals(Files.readString(d.resolve("pareto.csv")), Files.readString(p.resolve("pareto.csv")));
            assertEquals(withoutSeconds(Files.readString(d.resolve("result.yaml"))),
                    withoutSeconds(Files.readString(p.resolve("result.yaml"))));
        }
        assertEquals(rows(direct.resolve("summary.csv"), "seconds"), rows(summary, "seconds"));
        assertEquals("simplified", rows(summary).get(0).get(column(summary, "simplify_status")));

        // nothing left to do: a second call changes nothing
        try (SymbolicMath math = SymbolicMath.create()) {
            assertEquals(List.of(), SimplifyPending.run(deferred, math, QUIET));
        }
        assertEquals(rows(direct.resolve("summary.csv"), "seconds"), rows(summary, "seconds"));
    }

    @Test
    void aDamagedPendingFileFailsThatSeedAndKeepsItsRawForms() throws Exception {
        DsrConfig c = config(2000, 500, Map.of());
        ExperimentRunner deferring = runner();
        deferring.deferSimplification(true);
        Path dir = ExperimentRunner.newRunDirectory(tmp, "damaged");
        deferring.start(c, dir, List.of(3L), 1);
        Path pending = dir.resolve("seed_3").resolve(PendingOutputs.FILE);
        byte[] bytes = Files.readAllBytes(pending);
        Files.write(pending, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short
        String hof = Files.readString(dir.resolve("seed_3/hof.csv"));

        List<String> failed;
        try (SymbolicMath math = SymbolicMath.create()) {
            failed = SimplifyPending.run(dir, math, QUIET);
        }
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).contains("seed_3"), failed.get(0));
        assertTrue(Files.exists(pending), "kept for a retry");
        assertEquals(hof, Files.readString(dir.resolve("seed_3/hof.csv")), "the raw outputs are untouched");
        Path summary = dir.resolve("summary.csv");
        assertEquals("pending", rows(summary).get(0).get(column(summary, "simplify_status")));
    }

    private static String withoutSeconds(String yaml) {
        return yaml.replaceAll("(?m)^seconds: .*$", "seconds: -");
    }
}
