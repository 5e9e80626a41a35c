package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridSpecReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
        return f;
    }

    private static final String FULL = """
            name: t1
            base: base/run.yaml
            overrides:
              training.n_samples: 2000000
              prior.length: {min_: 4, max_: 30}
            variants:
              dsr: {estimator.type: risk_seeking}
              vpg: {estimator.type: vanilla, estimator.epsilon: 1.0}
            benchmarks: [Nguyen-1, Nguyen-2]
            seeds: 3
            reference:
              "Paper, DSR": {Nguyen-1: 1.0, average: 0.836}
            quick:
              seeds: [7]
              benchmarks: [Nguyen-1]
              variants: [vpg]
              overrides: {training.n_samples: 20000}
            """;

    @Test
    void parsesAllKeys() throws IOException {
        write("base/run.yaml", "training:\n  batch_size: 1000\nestimator:\n  entropy_weight: 0.005\n");
        GridSpec g = GridSpec.load(write("grid.yaml", FULL));
        assertEquals("t1", g.name());
        assertEquals(dir.resolve("base/run.yaml"), g.base());
        assertEquals(Map.of("training", Map.of("batch_size", 1000L), "estimator", Map.of("entropy_weight", 0.005)), g.baseConfig());
        assertEquals(List.of("dsr", "vpg"), List.copyOf(g.variants().keySet()));
        assertEquals(List.of("Nguyen-1", "Nguyen-2"), g.benchmarks());
        assertEquals(List.of(0L, 1L, 2L), g.seeds());
        assertEquals(1, g.references().size());
        assertEquals("Paper, DSR", g.references().get(0).label());
        assertEquals(Map.of("Nguyen-1", 1.0), g.references().get(0).rates());
        assertEquals(0.836, g.references().get(0).average());
        assertFalse(g.quickApplied());
        assertEquals(12, g.runCount());

        // settings: base merged with grid and variant overrides
        Map<String, Object> s = g.settings("vpg");
        assertEquals(1000L, DottedKeys.get(s, "training.batch_size"));
        assertEquals(2000000L, DottedKeys.get(s, "training.n_samples"));
        assertEquals(30L, DottedKeys.get(s, "prior.length.max_"));
        assertEquals("vanilla", DottedKeys.get(s, "estimator.type"));
        assertEquals(0.005, DottedKeys.get(s, "estimator.entropy_weight"));
    }

    @Test
    void quickVersionReplacesSeedsBenchmarksVariantsAndOverridesWin() throws IOException {
        write("base/run.yaml", "{}");
        GridSpec q = GridSpec.load(write("grid.yaml", FULL)).quickVersion();
        assertTrue(q.quickApplied());
        List<RunSpec> runs = q.expand();
        assertEquals(1, runs.size());
        RunSpec r = runs.get(0);
        assertEquals("vpg", r.variant());
        assertEquals("Nguyen-1", r.benchmark());
        assertEquals(7L, r.seed());
        assertEquals(20000L, r.overrides().get("training.n_samples"));
        assertEquals("Nguyen-1", r.overrides().get("task.dataset"));
        assertEquals(7L, r.overrides().get("experiment.seed"));
        assertEquals(dir.resolve("base/run.yaml"), r.baseConfig());
    }

    @Test
    void defaultsOneVariantNoBaseAndSeedList() throws IOException {
        GridSpec g = GridSpec.load(write("my-grid.yaml", "benchmarks: [Nguyen-3]\nseeds: [5, 1]\n"));
        assertEquals("my-grid", g.name());
        assertNull(g.base());
        assertEquals(List.of("default"), List.copyOf(g.variants().keySet()));
        assertEquals(List.of(5L, 1L), g.seeds());
        assertNull(g.quick());
        ConfigException e = assertThrows(ConfigException.class, g::quickVersion);
        assertTrue(e.getMessage().contains("no 'quick:' section"), e.getMessage());
    }

    @Test
    void expansionOrderIsSeedsThenBenchmarksThenVariants() throws IOException {
        GridSpec g = GridSpec.load(write("g.yaml", """
                variants: {b: {}, a: {estimator.type: pqt}}
                benchmarks: [Nguyen-2, Nguyen-1]
                seeds: 2
                overrides: {training.n_samples: 1000}
                """));
        List<String> keys = g.expand().stream().map(RunSpec::key).toList();
        assertEquals(List.of("b/Nguyen-2/0", "a/Nguyen-2/0", "b/Nguyen-1/0", "a/Nguyen-1/0",
                "b/Nguyen-2/1", "a/Nguyen-2/1", "b/Nguyen-1/1", "a/Nguyen-1/1"), keys);
        assertEquals(keys, GridSpec.load(g.file()).expand().stream().map(RunSpec::key).toList(), "deterministic");
        RunSpec a = g.expand().get(1);
        assertEquals(List.of("training.n_samples", "estimator.type", "task.dataset", "experiment.seed"),
                List.copyOf(a.overrides().keySet()));
        assertEquals(Map.of("training", Map.of("n_samples", 1000L), "estimator", Map.of("type", "pqt"),
                "task", Map.of("dataset", "Nguyen-2"), "experiment", Map.of("seed", 0L)), a.nestedOverrides());
    }

    @Test
    void variantOverridesWinOverGridOverrides() throws IOException {
        GridSpec g = GridSpec.load(write("g.yaml", """
                overrides: {estimator.entropy_weight: 0.005, prior.trig: {on: true}}
                variants: {no_entropy: {estimator.entropy_weight: 0.0, prior.trig.on: false}}
                benchmarks: [Nguyen-1]
                seeds: 1
                """));
        Map<String, Object> nested = g.expand().get(0).nestedOverrides();
        assertEquals(0.0, DottedKeys.get(nested, "estimator.entropy_weight"));
        assertEquals(false, DottedKeys.get(nested, "prior.trig.on"));
    }

    @Test
    void csvBenchmarkResolvesAgainstGridFolder() throws IOException {
        write("data/my.csv", "1,2\n3,4\n");
        GridSpec g = GridSpec.load(write("g.yaml", "benchmarks: [data/my.csv]\nseeds: 1\n"));
        RunSpec r = g.expand().get(0);
        assertEquals("data/my.csv", r.benchmark());
        assertEquals(dir.resolve("data/my.csv").toString(), r.dataset());
    }

    private ConfigException error(String yaml) throws IOException {
        Path f = write("bad.yaml", yaml);
        return assertThrows(ConfigException.class, () -> GridSpec.load(f));
    }

    @Test
    void unknownKeyNamesFileLineKeyAndSuggestion() throws IOException {
        ConfigException e = error("benchmarks: [Nguyen-1]\nseeds: 1\nvariant: {a: {}}\n");
        assertTrue(e.getMessage().contains("bad.yaml:3"), e.getMessage());
        assertTrue(e.getMessage().contains("'variant'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'variants'"), e.getMessage());
    }

    @Test
    void unknownKeyInQuickSection() throws IOException {
        ConfigException e = error("benchmarks: [Nguyen-1]\nseeds: 1\nquick:\n  seed: 1\n");
        assertTrue(e.getMessage().contains("bad.yaml:4"), e.getMessage());
        assertTrue(e.getMessage().contains("quick.seed"), e.getMessage());
    }

    @Test
    void missingBaseFile() throws IOException {
        ConfigException e = error("base: nowhere/run.yaml\nbenchmarks: [Nguyen-1]\nseeds: 1\n");
        assertTrue(e.getMessage().contains("bad.yaml:1"), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere/run.yaml") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void missingCsvBenchmark() throws IOException {
        ConfigException e = error("benchmarks: [Nguyen-1, data/none.csv]\nseeds: 1\n");
        assertTrue(e.getMessage().contains("data/none.csv") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void requiredAndMalformedValues() throws IOException {
        assertTrue(error("seeds: 1\n").getMessage().contains("'benchmarks': is required"));
        assertTrue(error("benchmarks: [Nguyen-1]\n").getMessage().contains("'seeds': is required"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: 0\n").getMessage().contains("out of range"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: [1, x]\n").getMessage().contains("not an integer"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: [1, 1]\n").getMessage().contains("twice"));
        assertTrue(error("benchmarks: [Nguyen-1, Nguyen-1]\nseeds: 1\n").getMessage().contains("twice"));
        assertTrue(error("benchmarks: []\nseeds: 1\n").getMessage().contains("empty"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: 1\nvariants: {\"a b\": {}}\n").getMessage().contains("not a valid variant name"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: 1\noverrides: [a, b]\n").getMessage().contains("expected a mapping"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: 1\noverrides: {\"training..x\": 1}\n").getMessage().contains("not a config key path"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: 1\nquick: {variants: [nope]}\n").getMessage().contains("unknown variant 'nope'"));
        assertTrue(error("benchmarks: [Nguyen-1]\nseeds: 1\nseeds: 2\n").getMessage().contains("duplicate key"));
        assertTrue(error("benchmarks: [Nguyen-1\n").getMessage().contains("invalid YAML"));
    }

    @Test
    void keysThatConflictAreNamedWhereTheLaterOneIsWritten() throws IOException {
        ConfigException inOneVariant = error("benchmarks: [Nguyen-1]\nseeds: 1\nvariants:\n  a: {training: 5, training.n_samples: 3}\n");
        assertEquals(dir.resolve("bad.yaml") + ":4:20: variant 'a': key 'training.n_samples' goes inside 'training', which "
                + "is set to a value (5) by another key; set one or the other", inOneVariant.getMessage());
        ConfigException acrossSections = error("benchmarks: [Nguyen-1]\nseeds: 1\noverrides: {training: 5}\n"
                + "variants:\n  a: {}\n  b:\n    training.n_samples: 3\n");
        assertTrue(acrossSections.getMessage().startsWith(dir.resolve("bad.yaml") + ":7:5: variant 'b': key "
                + "'training.n_samples' goes inside 'training'"), acrossSections.getMessage());
        ConfigException inQuick = error("benchmarks: [Nguyen-1]\nseeds: 1\nvariants: {a: {training: 5}}\n"
                + "quick: {overrides: {training.n_samples: 3}}\n");
        assertTrue(inQuick.getMessage().startsWith(dir.resolve("bad.yaml") + ":4:21: variant 'a': key "
                + "'training.n_samples' goes inside 'training'"), inQuick.getMessage());
    }

    @Test
    void runnerKeysCannotBeOverridden() throws IOException {
        ConfigException e = error("benchmarks: [Nguyen-1]\nseeds: 1\noverrides: {task.dataset: Nguyen-2}\n");
        assertTrue(e.getMessage().contains("set by the bench runner"), e.getMessage());
        e = error("benchmarks: [Nguyen-1]\nseeds: 1\nvariants: {a: {experiment: {seed: 3}}}\n");
        assertTrue(e.getMessage().contains("set by the bench runner"), e.getMessage());
        // other keys of the same sections are fine, dotted or nested
        GridSpec ok = GridSpec.load(write("ok.yaml", "benchmarks: [Nguyen-1]\nseeds: 1\noverrides: {task: {noise: 0.1}, task.data_factor: 10}\n"));
        assertEquals(0.1, DottedKeys.get(ok.settings("default"), "task.noise"));
        assertEquals(10L, DottedKeys.get(ok.settings("default"), "task.data_factor"));
    }

    @Test
    void conflictingOverridesFailAtLoad() throws IOException {
        ConfigException e = error("benchmarks: [Nguyen-1]\nseeds: 1\noverrides: {prior.length: 5, prior.length.on: true}\n");
        assertTrue(e.getMessage().contains("prior.length.on"), e.getMessage());
    }

    @Test
    void referenceValuesAreChecked() throws IOException {
        ConfigException e = error("benchmarks: [Nguyen-1]\nseeds: 1\nreference: {p: {Nguyen-1: 83.6}}\n");
        assertTrue(e.getMessage().contains("not in [0, 1]") && e.getMessage().contains("0.836"), e.getMessage());
        e = error("benchmarks: [Nguyen-1]\nseeds: 1\nreference: {p: {Nguyen-11: 1.0}}\n");
        assertTrue(e.getMessage().contains("did you mean 'Nguyen-1'"), e.getMessage());
    }

    private static final String NOISE = """
            name: noise
            variants:
              n0-x1: {task.noise: 0.0, task.data_factor: 1}
              n5-x1: {task.noise: 0.05, task.data_factor: 1}
              n0-x10: {task.noise: 0.0, task.data_factor: 10}
            benchmarks: [Nguyen-1, Nguyen-2, Nguyen-3]
            seeds: 2
            figure: {x: task.noise, series: task.data_factor}
            quick: {variants: [n0-x1, n5-x1], seeds: 1}
            """;

    @Test
    void figureIsParsedAndEveryVariantMustSetItsKeys() throws IOException {
        GridSpec g = GridSpec.load(write("noise.yaml", NOISE));
        assertEquals(new FigureSpec("task.noise", "task.data_factor"), g.figure());
        assertEquals(g.figure(), g.quickVersion().figure());
        assertNull(GridSpec.load(write("plain.yaml", "benchmarks: [Nguyen-1]\nseeds: 1\n")).figure());

        ConfigException missing = error(NOISE.replace("n0-x10: {task.noise: 0.0, task.data_factor: 10}", "n0-x10: {task.data_factor: 10}"));
        assertTrue(missing.getMessage().contains("figure.x") && missing.getMessage().contains("'n0-x10' does not set task.noise"),
                missing.getMessage());
        ConfigException text = error(NOISE.replace("task.noise: 0.05,", "task.noise: high,"));
        assertTrue(text.getMessage().contains("not a number"), text.getMessage());
        ConfigException series = error(NOISE.replace("n0-x10: {task.noise: 0.0, task.data_factor: 10}", "n0-x10: {task.noise: 0.0}"));
        assertTrue(series.getMessage().contains("figure.series") && series.getMessage().contains("task.data_factor"),
                series.getMessage());
        ConfigException unknown = error(NOISE.replace("series: task.data_factor}", "serie: task.data_factor}"));
        assertTrue(unknown.getMessage().contains("figure.serie") && unknown.getMessage().contains("did you mean 'series'"),
                unknown.getMessage());
        assertTrue(error(NOISE.replace("figure: {x: task.noise, series: task.data_factor}", "figure: {series: task.noise}"))
                .getMessage().contains("figure.x"));
        assertTrue(error(NOISE.replace("figure: {x: task.noise, series: task.data_factor}", "figure: task.noise"))
                .getMessage().contains("expected figure: {x: KEY"));
    }

    @Test
    void selectKeepsTheGridsOrderAndSettingsAndNamesUnknownNames() throws IOException {
        GridSpec g = GridSpec.load(write("noise.yaml", NOISE));
        GridSpec s = g.select(List.of("n0-x10", "n0-x1"), List.of("Nguyen-3", "Nguyen-1"), g);
        assertEquals(List.of("n0-x1", "n0-x10"), List.copyOf(s.variants().keySet()));
        assertEquals(List.of("Nguyen-1", "Nguyen-3"), s.benchmarks());
        assertEquals(g.settings("n0-x10"), s.settings("n0-x10"));
        // a selected run is the grid's own run
        RunSpec one = s.expand().get(0);
        assertTrue(g.expand().contains(one), one.toString());
        assertEquals(g.variants().keySet(), g.select(null, List.of("Nguyen-2"), g).variants().keySet());

        ConfigException e = assertThrows(ConfigException.class, () -> g.select(List.of("n5-x2"), null, g));
        assertTrue(e.getMessage().startsWith("--variants: unknown variant 'n5-x2' (did you mean 'n5-x1'?)"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed: n0-x1, n5-x1, n0-x10"), e.getMessage());
        ConfigException b = assertThrows(ConfigException.class, () -> g.select(null, List.of("Nguyen-13"), g));
        assertTrue(b.getMessage().contains("--benchmarks: unknown benchmark 'Nguyen-13' (did you mean"), b.getMessage());
        assertThrows(ConfigException.class, () -> g.select(List.of(), null, g));
        ConfigException q = assertThrows(ConfigException.class,
                () -> g.quickVersion().select(List.of("n0-x10"), null, g));
        assertTrue(q.getMessage().contains("'n0-x10' is a variant of") && q.getMessage().contains("not of its --quick version"),
                q.getMessage());
    }
}
