package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static final String GRID = """
            name: g
            overrides: {training.n_samples: 50000}
            variants:
              dsr: {estimator.type: risk_seeking}
              vpg: {estimator.type: vanilla}
            benchmarks: [Nguyen-1, Nguyen-2, Nguyen-3]
            seeds: 4
            quick:
              seeds: 1
              benchmarks: [Nguyen-1]
              overrides: {training.n_samples: 2000}
            """;

    private GridSpec grid(String yaml) throws IOException {
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, yaml);
        return GridSpec.load(f);
    }

    private GridRunner.Report run(GridSpec g, FakeExecutor ex, Path outDir, int parallel, boolean quick) throws Exception {
        return new GridRunner(g, ex, outDir, parallel, quick).run(out, err);
    }

    private static Set<String> keys(List<ResultRow> rows) {
        return rows.stream().map(ResultRow::key).collect(Collectors.toSet());
    }

    @Test
    void appendsOneRowPerRunWithTheRunsFields() throws Exception {
        GridSpec g = grid(GRID);
        FakeExecutor ex = new FakeExecutor();
        Path outDir = dir.resolve("out");
        GridRunner.Report r = run(g, ex, outDir, 1, false);
        assertEquals(new GridRunner.Report(24, 0, 24, 0), r);

        List<ResultRow> rows = ResultsFile.read(outDir.resolve("results.csv"));
        assertEquals(24, rows.size());
        assertEquals(keys(rows), g.expand().stream().map(RunSpec::key).collect(Collectors.toSet()));
        assertEquals(g.expand().stream().map(RunSpec::key).toList(), rows.stream().map(ResultRow::key).toList(),
                "sorted in grid order at the end");
        ResultRow first = rows.get(0);
        assertEquals("dsr", first.variant());
        assertEquals("Nguyen-1", first.benchmark());
        assertEquals(0, first.seed());
        assertEquals("x1*(x1 + 1), \"quoted\"", first.expression(), "commas and quotes survive the CSV");
        assertEquals(List.of("variant", "benchmark", "seed", "success", "iterations", "n_samples", "seconds", "r_best",
                "nmse_test_noiseless", "expression"), List.of(Files.readAllLines(outDir.resolve("results.csv")).get(0)
                .split(",")).subList(0, 10));
        // one check per variant x benchmark, before running
        assertEquals(6, ex.checked.size());
        assertTrue(Files.isDirectory(outDir.resolve("runs/vpg/Nguyen-3/seed_3")));
        assertTrue(Files.exists(outDir.resolve("grid.yaml")));
        assertTrue(Files.exists(outDir.resolve("settings.yaml")));
    }

    @Test
    void aRunFolderOfAnOlderVersionIsRenamedToTheSharedSeedFolderName() throws Exception {
        Path outDir = dir.resolve("out");
        Path legacy = outDir.resolve("runs/vpg/Nguyen-3/seed-3");
        Files.createDirectories(legacy);
        Files.writeString(legacy.resolve("checkpoint.bin"), "from an interrupted run");
        run(grid(GRID), new FakeExecutor(), outDir, 1, false);
        assertEquals("from an interrupted run", Files.readString(outDir.resolve("runs/vpg/Nguyen-3/seed_3/checkpoint.bin")));
        assertFalse(Files.exists(legacy));
    }

    @Test
    void rerunSkipsFinishedRuns() throws Exception {
        GridSpec g = grid(GRID);
        Path outDir = dir.resolve("out");
        run(g, new FakeExecutor(), outDir, 2, false);
        String before = Files.readString(outDir.resolve("results.csv"));

        FakeExecutor second = new FakeExecutor();
        GridRunner.Report r = run(g, second, outDir, 2, false);
        assertEquals(List.of(), second.calls);
        assertEquals(new GridRunner.Report(24, 24, 0, 0), r);
        assertEquals(before, Files.readString(outDir.resolve("results.csv")));
    }

    @Test
    void interruptedGridResumesWithTheMissingRunsOnly() throws Exception {
        GridSpec g = grid(GRID);
        Path outDir = dir.resolve("out");
        // a first attempt that finished only part of the grid: simulate by failing half of the runs
        FakeExecutor first = new FakeExecutor();
        List<RunSpec> all = g.expand();
        for (int i = 0; i < all.size(); i += 2) first.failing.add(all.get(i).key());
        GridRunner.Report r1 = run(g, first, outDir, 3, false);
        assertEquals(12, r1.failed());
        assertEquals(12, r1.succeeded());

        FakeExecutor second = new FakeExecutor();
        GridRunner.Report r2 = run(g, second, outDir, 3, false);
        assertEquals(new GridRunner.Report(24, 12, 12, 0), r2);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < all.size(); i += 2) expected.add(all.get(i).key());
        assertEquals(expected, new HashSet<>(second.calls));
        assertEquals(24, ResultsFile.read(outDir.resolve("results.csv")).size());
    }

    @Test
    void parallelGivesTheSameRows() throws Exception {
        GridSpec g = grid(GRID);
        FakeExecutor serial = new FakeExecutor();
        run(g, serial, dir.resolve("serial"), 1, false);
        FakeExecutor par = new FakeExecutor();
        par.sleepMillis = 2;
        par.watchResults = dir.resolve("par/results.csv");
        run(g, par, dir.resolve("par"), 4, false);
        // the same rows (seconds etc. come from the fake, so whole lines compare equal)
        assertEquals(Set.copyOf(Files.readAllLines(dir.resolve("serial/results.csv"))),
                Set.copyOf(Files.readAllLines(dir.resolve("par/results.csv"))));
        assertEquals(24, par.calls.size());
        assertEquals(24, Set.copyOf(par.calls).size(), "no run executed twice");
    }

    @Test
    void failingRunIsReportedAndOthersFinish() throws Exception {
        GridSpec g = grid(GRID);
        FakeExecutor ex = new FakeExecutor();
        ex.failing.add("vpg/Nguyen-2/1");
        Path outDir = dir.resolve("out");
        GridRunner.Report r = run(g, ex, outDir, 2, false);
        assertEquals(new GridRunner.Report(24, 0, 23, 1), r);
        List<ResultRow> rows = ResultsFile.read(outDir.resolve("results.csv"));
        assertEquals(23, rows.size());
        assertFalse(keys(rows).contains("vpg/Nguyen-2/1"));
        List<String> failures = Files.readAllLines(outDir.resolve("failures.csv"));
        assertEquals(2, failures.size());
        assertTrue(failures.get(1).contains("vpg,Nguyen-2,1,IllegalArgumentException: boom on vpg/Nguyen-2/1 second line"), failures.get(1));
        assertTrue(Files.readString(outDir.resolve("runs/vpg/Nguyen-2/seed_1/error.txt")).contains("boom on"));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("vpg/Nguyen-2/1 FAILED"));
    }

    @Test
    void resultsFileParsesWhileRunsAreBeingAppended() throws Exception {
        GridSpec g = grid(GRID);
        FakeExecutor ex = new FakeExecutor();
        Path outDir = dir.resolve("out");
        ex.watchResults = outDir.resolve("results.csv"); // every run reads it while others append
        GridRunner.Report r = run(g, ex, outDir, 4, false);
        assertEquals(0, r.failed(), errBytes.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(outDir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void quickRunsTheQuickVersion() throws Exception {
        GridSpec g = grid(GRID);
        FakeExecutor ex = new FakeExecutor();
        GridRunner.Report r = run(g, ex, dir.resolve("q"), 1, true);
        assertEquals(2, r.total());
        assertEquals(Set.of("dsr/Nguyen-1/0", "vpg/Nguyen-1/0"), Set.copyOf(ex.calls));
        assertEquals(2000L, ex.checked.get(0).overrides().get("training.n_samples"));
    }

    @Test
    void refusesToResumeWithDifferentSettings() throws Exception {
        Path outDir = dir.resolve("out");
        run(grid(GRID), new FakeExecutor(), outDir, 1, true);
        // the full grid has another n_samples than its quick version: refused
        ConfigException e = assertThrows(ConfigException.class, () -> run(grid(GRID), new FakeExecutor(), outDir, 1, false));
        assertTrue(e.getMessage().contains("training.n_samples was 2000, now 50000"), e.getMessage());
        // a changed variant definition: refused
        ConfigException e2 = assertThrows(ConfigException.class, () -> run(grid(GRID.replace("estimator.type: vanilla",
                "estimator.type: vanilla, estimator.epsilon: 1.0")), new FakeExecutor(), outDir, 1, true));
        assertTrue(e2.getMessage().contains("variant 'vpg'") && e2.getMessage().contains("estimator.epsilon was unset, now 1"), e2.getMessage());
    }

    @Test
    void refusesToResumeWhenTheBaseConfigChanged() throws Exception {
        Path outDir = dir.resolve("out");
        Files.writeString(dir.resolve("base.yaml"), "estimator:\n  entropy_weight: 0.005\n");
        String withBase = "base: base.yaml\n" + GRID;
        run(grid(withBase), new FakeExecutor(), outDir, 1, true);
        assertEquals(2, run(grid(withBase), new FakeExecutor(), outDir, 1, true).skipped(), "unchanged: resumes");
        Files.writeString(dir.resolve("base.yaml"), "estimator:\n  entropy_weight: 0.03\n");
        ConfigException e = assertThrows(ConfigException.class, () -> run(grid(withBase), new FakeExecutor(), outDir, 1, true));
        assertTrue(e.getMessage().contains("estimator.entropy_weight was 0.005, now 0.03"), e.getMessage());
    }

    @Test
    void refusesResultsOfAVariantWhoseSettingsWereNotRecorded() throws Exception {
        Path outDir = dir.resolve("out");
        run(grid(GRID), new FakeExecutor(), outDir, 1, true);
        // settings.yaml of another folder (only 'dsr' recorded) copied over this one's, which also has 'vpg' rows
        Path settings = outDir.resolve("settings.yaml");
        String text = Files.readString(settings);
        Files.writeString(settings, text.substring(0, text.indexOf("  vpg:")));
        ConfigException e = assertThrows(ConfigException.class, () -> run(grid(GRID), new FakeExecutor(), outDir, 1, true));
        assertTrue(e.getMessage().contains("variant 'vpg'") && e.getMessage().contains("records no settings"), e.getMessage());
    }

    @Test
    void allowsResumeWhenOnlyTheGridGrows() throws Exception {
        Path outDir = dir.resolve("out");
        run(grid(GRID), new FakeExecutor(), outDir, 1, true);
        // more seeds and benchmarks, a new variant, equal numbers written differently, a new name: allowed
        String grown = GRID.replace("seeds: 1", "seeds: 2").replace("benchmarks: [Nguyen-1]\n", "benchmarks: [Nguyen-1, Nguyen-2]\n")
                .replace("training.n_samples: 2000}", "training.n_samples: 2.0e3}").replace("name: g", "name: g2")
                .replace("  vpg: {estimator.type: vanilla}\n", "  vpg: {estimator.type: vanilla}\n  pqt: {estimator.type: pqt}\n");
        FakeExecutor ex = new FakeExecutor();
        GridRunner.Report r = run(grid(grown), ex, outDir, 1, true);
        assertEquals(12, r.total());
        assertEquals(2, r.skipped());
        assertEquals(10, ex.calls.size());
        assertTrue(Files.readString(outDir.resolve("grid.yaml")).contains("name: g2"), "grid copy updated");
    }

    @Test
    void secondProcessOnTheSameFolderIsRefused() throws Exception {
        Path outDir = dir.resolve("out");
        Files.createDirectories(outDir);
        try (io.dsr4j.train.run.DirLock ignored = io.dsr4j.train.run.DirLock.acquire(outDir, GridRunner.LOCK, "another 'dsr bench' is running")) {
            ConfigException e = assertThrows(ConfigException.class, () -> run(grid(GRID), new FakeExecutor(), outDir, 1, false));
            assertTrue(e.getMessage().contains("another 'dsr bench'"), e.getMessage());
        }
    }

    @Test
    void checkFailureStopsBeforeAnyRun() throws Exception {
        FakeExecutor ex = new FakeExecutor() {
            @Override
            public void check(RunSpec spec) {
                if (spec.variant().equals("vpg")) throw new ConfigException("grid.yaml:5:3: key 'estimator.type': bad");
            }
        };
        ConfigException e = assertThrows(ConfigException.class, () -> run(grid(GRID), ex, dir.resolve("out"), 2, false));
        assertTrue(e.getMessage().contains("variant 'vpg'") && e.getMessage().contains("estimator.type"), e.getMessage());
        assertEquals(List.of(), ex.calls);
        assertFalse(Files.exists(dir.resolve("out/settings.yaml")), "a rejected grid is not recorded");
    }

    @Test
    void anErrorInTheGridFileNamesTheBenchmarkOnlyWhenTheVariantPassedWithAnother() throws Exception {
        GridSpec g = grid(GRID);
        FakeExecutor ex = new FakeExecutor() {
            @Override
            public void check(RunSpec spec, io.dsr4j.api.config.ConfigNode.MapNode origin) {
                io.dsr4j.api.config.Location at = new io.dsr4j.api.config.Location(g.file() + ":4:8", 0, 0);
                if (spec.variant().equals("vpg") && spec.benchmark().equals("Nguyen-2")) {
                    throw ConfigException.at(at, "estimator.type", "not for this benchmark");
                }
            }
        };
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ConfigException e = assertThrows(ConfigException.class, () -> new GridRunner(g, ex, dir.resolve("out"), 1, false)
                .run(new PrintStream(progress, true, StandardCharsets.UTF_8), err));
        assertEquals(g.file() + ":4:8: variant 'vpg' with benchmark 'Nguyen-2': key 'estimator.type': not for this "
                + "benchmark", e.getMessage());
        assertEquals("", progress.toString(StandardCharsets.UTF_8), "the check comes before the 'N to run' line");
    }

    @Test
    void staleTempFileFromAKilledWriterIsHarmless() throws Exception {
        Path outDir = dir.resolve("out");
        run(grid(GRID), new FakeExecutor(), outDir, 1, true);
        // a writer killed between creating its temp file and renaming it leaves a torn temp file behind
        Files.writeString(outDir.resolve(".results.csv.tmp"), "variant,benchmark,se");
        assertEquals(2, ResultsFile.read(outDir.resolve("results.csv")).size());
        GridRunner.Report r = run(grid(GRID.replace("seeds: 1", "seeds: 2")), new FakeExecutor(), outDir, 1, true);
        assertEquals(2, r.skipped());
        assertEquals(4, ResultsFile.read(outDir.resolve("results.csv")).size());
    }

    @Test
    void malformedResultsRowIsAClearError() throws Exception {
        Path outDir = dir.resolve("out");
        run(grid(GRID), new FakeExecutor(), outDir, 1, true);
        Files.writeString(outDir.resolve("results.csv"), "dsr,Nguyen-9,x,true\n", java.nio.file.StandardOpenOption.APPEND);
        ConfigException e = assertThrows(ConfigException.class, () -> run(grid(GRID), new FakeExecutor(), outDir, 1, true));
        assertTrue(e.getMessage().contains("results.csv:4") && e.getMessage().contains("malformed"), e.getMessage());
    }

    @Test
    void csvBenchmarksGetSafeFolderNames() {
        assertEquals("data_my", GridRunner.safeName("data/my.csv"));
        assertEquals("Nguyen-1", GridRunner.safeName("Nguyen-1"));
        assertEquals("up_x", GridRunner.safeName("../up/x.CSV"));
    }
}
