package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.train.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aStopRecordsOnlyTheFinishedRunsReturns130AndTheSameCommandDoesTheRest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        FakeExecutor fake = new FakeExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        RunExecutor stopping = new RunExecutor() {
            @Override
            public RunResult run(RunSpec spec, Path runDir) throws Exception {
                return fake.run(spec, runDir);
            }

            @Override
            public RunResult run(RunSpec spec, Path runDir, BooleanSupplier stopRequested) throws Exception {
                if (fake.calls.size() < 2) return fake.run(spec, runDir);
                stop.set(true);   // the signal comes during the third run, which stops as the trainer would
                return stopRequested.getAsBoolean() ? null : fake.run(spec, runDir);
            }
        };
        PrintStream err = System.err;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BenchApp.run(grid(), outDir, 1, GridSelection.of(false, null), stopping, stop::get, out);
        } finally {
            System.setErr(err);
        }
        assertEquals(BenchApp.INTERRUPTED, code);
        assertEquals(2, ResultsFile.read(outDir.resolve(ResultsFile.NAME)).size(), "the runs before the stop");
        assertEquals(2, fake.calls.size(), "no run starts after the stop");
        assertFalse(Files.exists(outDir.resolve(FailureLog.NAME)), "a stopped run is no failure");
        assertFalse(Files.exists(outDir.resolve(BenchApp.TABLE_MD)), "no aggregation on the way out");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("dsr/Nguyen-2/0: stopped before finishing"), printed);
        String line = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("dsr: interrupted: 2 run(s) finished in this call, 2 of 12 in ")
                && line.contains("10 left, 1 of them stopped mid-run") && line.contains("Run the same command again to resume")
                && line.strip().lines().count() == 1, line);

        FakeExecutor rest = new FakeExecutor();
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1, false, rest, out));
        assertEquals(10, rest.calls.size());
        assertEquals(12, ResultsFile.read(outDir.resolve(ResultsFile.NAME)).size());
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

    @Test
    void variantsAndBenchmarksRunAPartThatTheWholeGridCompletesLater() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        FakeExecutor part = new FakeExecutor();
        GridSelection selection = new GridSelection(false, 2, java.util.List.of("vpg"), java.util.List.of("Nguyen-2"));
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1, selection, part, out));
        assertEquals(java.util.List.of("vpg/Nguyen-2/0", "vpg/Nguyen-2/1"), part.calls);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("2 runs (1 variants x 1 benchmarks x 2 seeds)"));
        String table = Files.readString(outDir.resolve("table.md"));
        assertTrue(table.contains("| benchmark | vpg |") && table.contains("| Nguyen-2 | 1/2"), table);
        assertFalse(table.contains("Nguyen-1"), table);

        // another part: the table shows everything in results.csv
        FakeExecutor other = new FakeExecutor();
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1,
                new GridSelection(false, 1, java.util.List.of("dsr"), null), other, out));
        assertEquals(java.util.List.of("dsr/Nguyen-1/0", "dsr/Nguyen-2/0"), other.calls);
        table = Files.readString(outDir.resolve("table.md"));
        assertTrue(table.contains("| benchmark | dsr | vpg |") && table.contains("| Nguyen-1 | 0/1 (0.0%, [0.0, 79.3]) | – |"), table);

        // the whole grid resumes: only the missing runs, and results.csv ends in grid order
        FakeExecutor rest = new FakeExecutor();
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1, false, rest, out));
        assertEquals(12 - 4, rest.calls.size(), rest.calls.toString());
        assertFalse(rest.calls.contains("vpg/Nguyen-2/1"));
        java.util.List<ResultRow> rows = ResultsFile.read(outDir.resolve(ResultsFile.NAME));
        assertEquals(12, rows.size());
        java.util.List<String> expected = GridSpec.load(grid()).expand().stream().map(RunSpec::key).toList();
        assertEquals(expected, rows.stream().map(ResultRow::key).toList());
    }

    @Test
    void aSelectionWithOtherSettingsIsStillRefused() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        assertEquals(BenchApp.OK, BenchApp.run(grid(), outDir, 1, new GridSelection(false, 1, java.util.List.of("vpg"), null),
                new FakeExecutor(), out));
        Files.writeString(dir.resolve("g.yaml"), Files.readString(dir.resolve("g.yaml"))
                .replace("vpg: {estimator.type: vanilla}", "vpg: {estimator.type: pqt}"));
        FakeExecutor none = new FakeExecutor();
        ConfigException e = assertThrows(ConfigException.class, () -> BenchApp.run(dir.resolve("g.yaml"), outDir, 1,
                new GridSelection(false, 2, java.util.List.of("vpg"), java.util.List.of("Nguyen-1")), none, out));
        assertTrue(e.getMessage().contains("variant 'vpg' produced with other settings"), e.getMessage());
        assertTrue(none.calls.isEmpty());
        // a variant without results in the folder may change: the guard checks only what ran
        assertEquals(BenchApp.OK, BenchApp.run(dir.resolve("g.yaml"), outDir, 1,
                new GridSelection(false, 1, java.util.List.of("dsr"), null), new FakeExecutor(), out));
    }

    @Test
    void unknownSelectionNamesAreConfigExceptionsBeforeAnythingIsWritten() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path outDir = dir.resolve("out");
        ConfigException e = assertThrows(ConfigException.class, () -> BenchApp.run(grid(), outDir, 1,
                new GridSelection(false, null, java.util.List.of("dsr", "vgp"), null), new FakeExecutor(), out));
        assertTrue(e.getMessage().contains("unknown variant 'vgp' (did you mean 'vpg'?)"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> BenchApp.run(grid(), outDir, 1,
                new GridSelection(false, null, null, java.util.List.of("nguyen-1")), new FakeExecutor(), out));
        assertTrue(e.getMessage().contains("unknown benchmark 'nguyen-1' (did you mean 'Nguyen-1'?)"), e.getMessage());
        assertFalse(Files.exists(outDir));
    }
}
