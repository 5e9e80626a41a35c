package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchAppTest {

    @TempDir
    Path dir;

    private Path grid() throws Exception {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, """
                name: g
                variants: {dsr: {}, vpg: {estimator.type: vanilla}}
                benchmarks: [Nguyen-1, Nguyen-2]
                seeds: 3
                quick: {seeds: 1}
                """);
        return f;
    }

    @Test
    void runsAggregatesAndReturnsZero() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        int code = BenchApp.run(grid(), outDir, 2, false, new FakeExecutor(), out);
        assertEquals(BenchApp.OK, code);
        String table = Files.readString(outDir.resolve("table.md"));
        assertTrue(table.startsWith("# g: recovery rate"), table);
        assertTrue(table.contains("| benchmark | dsr | vpg |"), table);
        assertTrue(Files.size(outDir.resolve("recovery.png")) > 0);
        assertTrue(Files.exists(outDir.resolve("table.csv")));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("12 runs (2 variants x 2 benchmarks x 3 seeds)"), printed);
        assertTrue(printed.contains(table), "the table is printed too");
    }

    @Test
    void failedRunGivesExitCodeOneAndRerunRetriesIt() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        FakeExecutor failing = new FakeExecutor();
        failing.failing.add("vpg/Nguyen-2/0");
        assertEquals(BenchApp.SOME_RUNS_FAILED, BenchApp.run(grid(), outDir, 1, true, failing, out));
        assertTrue(Files.readString(outDir.resolve("table.md")).contains("| Nguyen-2 | 0/1 (0.0%, [0.0, 79.3]) | – |"));
        FakeExecutor retry = new FakeExecutor();
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1, true, retry, out));
        assertEquals(java.util.List.of("vpg/Nguyen-2/0"), retry.calls);
    }

    @Test
    void seedsOptionRunsTheFirstNSeedsAndGrowsLater() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        FakeExecutor first = new FakeExecutor();
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1, false, 1, first, out));
        assertEquals(4, first.calls.size());
        assertTrue(first.calls.stream().allMatch(c -> c.endsWith("/0")), first.calls.toString());
        FakeExecutor more = new FakeExecutor();
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1, false, 2, more, out));
        assertEquals(4, more.calls.size());
        assertTrue(more.calls.stream().allMatch(c -> c.endsWith("/1")), more.calls.toString());
        assertThrows(ConfigException.class, () -> BenchApp.run(grid(), outDir, 1, false, 0, new FakeExecutor(), out));
    }

    @Test
    void userErrorsAreConfigExceptions() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(ConfigException.class, () -> BenchApp.run(dir.resolve("missing.yaml"), dir.resolve("o"), 1, false, new FakeExecutor(), out));
        assertThrows(ConfigException.class, () -> BenchApp.run(grid(), dir.resolve("o"), 0, false, new FakeExecutor(), out));
    }

    @Test
    void defaultOutDirNamesTheGridAndQuick() throws Exception {
        GridSpec g = GridSpec.load(grid());
        assertEquals(Path.of("bench", "g"), BenchApp.defaultOutDir(g, false));
        assertEquals(Path.of("bench", "g-quick"), BenchApp.defaultOutDir(g, true));
    }
}
