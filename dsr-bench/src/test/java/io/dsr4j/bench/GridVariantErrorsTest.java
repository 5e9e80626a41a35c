package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/**
 * Errors in a grid's variants and overrides, checked by the real trainer's configuration: one message naming the grid
 * file's line and column of the key or value at fault and the variant, once; no "N to run" line before it; nothing
 * written.
 */
class GridVariantErrorsTest {

    private static TrainerRunExecutor executor;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @BeforeAll
    static void registry() {
        executor = new TrainerRunExecutor(PluginRegistry.load());
    }

    @AfterAll
    static void close() {
        executor.close();
    }

    /** The message of the error a grid with these variant lines (and grid-level lines) gives. */
    private String error(String gridLines, String variantLines) throws IOException {
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, "name: g\n" + gridLines + "variants:\n" + variantLines + "benchmarks: [Nguyen-1, Nguyen-2]\nseeds: 1\n");
        GridRunner runner = new GridRunner(GridSpec.load(f), executor, dir.resolve("out"), 1, false);
        String m = assertThrows(ConfigException.class, () -> runner.run(out, err)).getMessage();
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8), "nothing printed before the error");
        assertFalse(Files.exists(dir.resolve("out")), "no output folder");
        return m;
    }

    /** "FILE:LINE:COL" of the first {@code text} in line {@code line} of the grid file. */
    private String at(int line, String text) throws IOException {
        String l = Files.readAllLines(dir.resolve("grid.yaml")).get(line - 1);
        assertTrue(l.contains(text), l);
        return dir.resolve("grid.yaml") + ":" + line + ":" + (l.indexOf(text) + 1);
    }

    private void once(String m) {
        assertEquals(1, m.split("variant '", -1).length - 1, "the variant named once: " + m);
        assertFalse(m.contains("grid " + dir) || m.contains("grid a/"), "no second context prefix: " + m);
    }

    @Test
    void unknownKeyInAVariantIsPlacedAtTheKey() throws Exception {
        String m = error("", "  a: {training.n_sampels: 5}\n");
        assertTrue(m.startsWith(at(3, "training.n_sampels") + ": variant 'a': key 'training.n_sampels': unknown key "
                + "(did you mean 'n_samples'?); allowed keys: "), m);
        once(m);
    }

    @Test
    void badValueInAVariantIsPlacedAtTheValue() throws Exception {
        String m = error("", "  ok: {training.n_samples: 20000}\n  b:\n    training.batch_size: 100\n    training.n_samples: -3\n");
        assertTrue(m.startsWith(at(6, "-3") + ": variant 'b': key 'training.n_samples': value -3 is out of range"), m);
        once(m);
    }

    @Test
    void unknownKeyInAMappingUnderAVariantIsPlacedAtThatKey() throws Exception {
        String m = error("", "  c: {estimator: {type: vanilla, bogus: 1}}\n");
        assertTrue(m.startsWith(at(3, "bogus") + ": variant 'c': key 'estimator.bogus': unknown key"), m);
        once(m);
        String section = error("", "  d: {trainig.n_samples: 5}\n");
        assertTrue(section.startsWith(at(3, "trainig") + ": variant 'd': key 'trainig': unknown section"), section);
    }

    @Test
    void theGridsOwnOverridesNameTheVariantTheyFailIn() throws Exception {
        String m = error("overrides: {estimator.pqt_k: 5}\n", "  vpg: {estimator.type: vanilla}\n");
        assertTrue(m.startsWith(at(2, "estimator.pqt_k") + ": variant 'vpg': key 'estimator.pqt_k': unknown key"), m);
        once(m);
    }

    @Test
    void anUnknownPluginNameIsPlacedAtTheValue() throws Exception {
        String m = error("", "  e: {policy.type: lstmm}\n");
        assertTrue(m.startsWith(at(3, "lstmm") + ": variant 'e': key 'policy.type': unknown policy 'lstmm'"), m);
        once(m);
    }

    @Test
    void aRejectedVariantLeavesAnExistingFolderAsItWas() throws Exception {
        Path f = dir.resolve("grid.yaml");
        Path outDir = dir.resolve("out");
        Files.writeString(f, "name: g\nvariants:\n  a: {training.n_samples: 1000}\nbenchmarks: [Nguyen-1]\nseeds: 1\n");
        new GridRunner(GridSpec.load(f), new FakeExecutor(), outDir, 1, false).run(out, err);
        List<String> before = tree(outDir);
        Files.writeString(f, "name: g\nvariants:\n  a: {training.n_samples: 1000}\n  b: {training.n_sampels: 5}\n"
                + "benchmarks: [Nguyen-1]\nseeds: 1\n");
        outBytes.reset();
        GridRunner runner = new GridRunner(GridSpec.load(f), executor, outDir, 1, false);
        String m = assertThrows(ConfigException.class, () -> runner.run(out, err)).getMessage();
        assertTrue(m.startsWith(at(4, "training.n_sampels") + ": variant 'b': "), m);
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8), "no 'N to run' line before the error");
        assertEquals(before, tree(outDir), "nothing written");
    }

    /** Every file under {@code root} with its content. */
    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.sorted().map(p -> {
                try {
                    return root.relativize(p) + (Files.isRegularFile(p) ? "=" + Files.readString(p) : "/");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
