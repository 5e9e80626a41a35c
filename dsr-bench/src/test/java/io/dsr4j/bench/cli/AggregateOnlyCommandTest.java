package io.dsr4j.bench.cli;

import io.dsr4j.bench.BenchApp;
import io.dsr4j.train.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dsr bench GRID --aggregate-only --out DIR} says what it read and wrote, like a grid's last line. */
class AggregateOnlyCommandTest {

    @TempDir
    Path dir;

    @Test
    void aggregateOnlyNamesTheRowsReadAndTheFilesWritten() throws Exception {
        Path grid = dir.resolve("g.yaml");
        Files.writeString(grid, "name: g\nvariants: {dsr: {}}\nbenchmarks: [Nguyen-1, Nguyen-2]\nseeds: 2\n");
        Path out = dir.resolve("out");
        // a finished grid, from a stand-in for the trainer
        BenchApp.run(grid, out, 1, false, (spec, runDir) -> new RunResult(spec.seed(), spec.dataset(), spec.seed() == 0,
                10, 10_000, 0.5, 0.99, 0.0, 0.0, "x1", "x1", 1), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        Files.delete(out.resolve(BenchApp.TABLE_MD));

        BadInputCorpusTest.Result r = BadInputCorpusTest.run("bench", grid.toString(), "--aggregate-only", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(out.resolve(BenchApp.TABLE_MD)), "table.md rebuilt");
        String expected = "Read 4 run(s) from " + out.resolve("results.csv") + ". Tables: " + out.resolve("table.md") + ", "
                + out.resolve("table.csv") + ", " + out.resolve("table.tex") + "; charts: " + out.resolve("recovery.png")
                + ", " + out.resolve("summary.png") + "; report: " + out.resolve("report.md");
        assertEquals(expected, r.out().strip(), r.err());
    }
}
