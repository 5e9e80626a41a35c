package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A grid that fails, wholly or up front, reports it and leaves no lock or temporary file behind. */
class BenchFailureTest {

    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private Path grid(String benchmarks) throws Exception {
        Path f = dir.resolve("g.yaml");
        Files.writeString(f, "name: g\nvariants: {dsr: {}}\nbenchmarks: " + benchmarks + "\nseeds: 2\n");
        return f;
    }

    private static List<String> hidden(Path outDir) throws Exception {
        try (Stream<Path> s = Files.walk(outDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void everyRunFailedStillTabulatesAndExitsOne() throws Exception {
        FakeExecutor all = new FakeExecutor();
        for (String b : List.of("Nguyen-1", "Nguyen-2")) for (int s = 0; s < 2; s++) all.failing.add("dsr/" + b + "/" + s);
        Path outDir = dir.resolve("out");
        assertEquals(BenchApp.SOME_RUNS_FAILED, BenchApp.run(grid("[Nguyen-1, Nguyen-2]"), outDir, 2, false, all, quiet));
        assertFalse(Files.exists(outDir.resolve(BenchApp.CHART_PNG)), "nothing to draw: no chart (and no crash)");
        assertTrue(Files.exists(outDir.resolve(BenchApp.TABLE_MD)));
        assertEquals(List.of(), hidden(outDir), "no lock or temporary files left");
    }

    @Test
    void finishedGridRemovesItsLock() throws Exception {
        Path outDir = dir.resolve("out");
        assertEquals(BenchApp.OK, BenchApp.run(grid("[Nguyen-1]"), outDir, 1, false, new FakeExecutor(), quiet));
        assertFalse(Files.exists(outDir.resolve(GridRunner.LOCK)));
        assertEquals(List.of(), hidden(outDir));
    }

    @Test
    void refusedGridLeavesNoFolder() throws Exception {
        FakeExecutor rejecting = new FakeExecutor() {
            @Override
            public void check(RunSpec spec) {
                throw new ConfigException("unknown benchmark 'Nguyen-99'");
            }
        };
        Path outDir = dir.resolve("out");
        assertThrows(ConfigException.class, () -> BenchApp.run(grid("[Nguyen-99]"), outDir, 1, false, rejecting, quiet));
        assertFalse(Files.exists(outDir), "no folder left behind");
    }

    @Test
    void parallelMustBePositive() throws Exception {
        Path outDir = dir.resolve("out");
        ConfigException e = assertThrows(ConfigException.class,
                () -> BenchApp.run(grid("[Nguyen-1]"), outDir, 0, false, new FakeExecutor(), quiet));
        assertTrue(e.getMessage().contains("--parallel"), e.getMessage());
        assertFalse(Files.exists(outDir));
    }
}
