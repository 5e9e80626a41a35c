package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grids shipped in configs/paper/: they parse, use only known config keys and benchmark names, and say what the paper says. */
class PaperGridsTest {

    /** The repository's configs/paper folder (tests run in the module folder). */
    static final Path PAPER = Path.of("..", "configs", "paper");

    static Stream<Path> grids() throws IOException {
        try (Stream<Path> s = Files.list(PAPER)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static Set<String> defaultKeys() throws IOException {
        try (InputStream in = PaperGridsTest.class.getResourceAsStream("/io/dsr4j/config/defaults.yaml")) {
            assertNotNull(in, "defaults.yaml on the class path");
            ConfigNode.MapNode tree = io.dsr4j.config.YamlConfigReader.readMapping(new String(in.readAllBytes(), StandardCharsets.UTF_8), "defaults.yaml");
            Set<String> keys = new TreeSet<>();
            leaves("", tree.toPlain(), keys);
            // the installed plugins' own keys (they ship their defaults as declared settings)
            io.dsr4j.config.PluginRegistry registry = io.dsr4j.config.PluginRegistry.load();
            Map<io.dsr4j.api.plugin.PluginKind, String> sections = Map.of(
                    io.dsr4j.api.plugin.PluginKind.POLICY, "policy.",
                    io.dsr4j.api.plugin.PluginKind.GRADIENT_ESTIMATOR, "estimator.",
                    io.dsr4j.api.plugin.PluginKind.CONSTANT_OPTIMIZER, "training.const_optimizer.",
                    io.dsr4j.api.plugin.PluginKind.BATCH_AUGMENTER, "gp_meld.");
            sections.forEach((kind, prefix) -> registry.names(kind).forEach(name -> registry.settingsOf(kind, name)
                    .list().forEach(setting -> keys.add(prefix + setting.name()))));
            for (String prior : registry.names(io.dsr4j.api.plugin.PluginKind.PRIOR)) {
                registry.settingsOf(io.dsr4j.api.plugin.PluginKind.PRIOR, prior).list()
                        .forEach(setting -> keys.add("prior." + prior + "." + setting.name()));
            }
            return keys;
        }
    }

    private static Set<String> benchmarkNames() throws IOException {
        try (InputStream in = PaperGridsTest.class.getResourceAsStream("benchmark-names.txt")) {
            Set<String> names = new TreeSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(names::add);
            return names;
        }
    }

    private static void leaves(String path, Object v, Set<String> out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, x) -> leaves(path.isEmpty() ? String.valueOf(k) : path + "." + k, x, out));
        } else {
            out.add(path);
        }
    }

    @Test
    void everyPaperGridIsPresent() throws IOException {
        assertEquals(List.of("ablations.yaml", "constants.yaml", "livermore.yaml", "nggpps.yaml", "noise.yaml", "poly.yaml",
                "table1-dso-defaults.yaml", "table1.yaml"), grids().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @MethodSource("grids")
    void usesOnlyKnownKeysAndBenchmarksAndHasASmallQuickVersion(Path file) throws IOException {
        GridSpec g = GridSpec.load(file);
        Set<String> known = defaultKeys();
        Set<String> names = benchmarkNames();
        GridSpec q = g.quickVersion();
        for (GridSpec spec : List.of(g, q)) {
            for (String v : spec.variants().keySet()) {
                Set<String> used = new TreeSet<>();
                leaves("", spec.settings(v), used);
                for (String key : used) assertTrue(known.contains(key), file + " variant " + v + ": unknown config key " + key);
            }
            for (String b : spec.benchmarks()) assertTrue(names.contains(b), file + ": unknown benchmark " + b);
        }
        assertTrue(q.runCount() <= 20, file + ": quick version has " + q.runCount() + " runs");
        assertTrue(q.benchmarks().size() <= 2);
        for (String v : q.variants().keySet()) {
            Object n = DottedKeys.get(q.settings(v), "training.n_samples");
            assertTrue(n instanceof Number x && x.longValue() <= 50_000, file + " quick n_samples " + n);
        }
        if (g.base() != null) assertTrue(Files.isRegularFile(g.base()));
    }

    @Test
    void smokeGridIsTiny() {
        GridSpec g = GridSpec.load(PAPER.resolve("../bench-smoke.yaml"));
        assertTrue(g.runCount() <= 2);
        assertEquals(20000L, at(g, "dsr", "training.n_samples"));
    }

    private static Object at(GridSpec g, String variant, String key) {
        return DottedKeys.get(g.settings(variant), key);
    }

    @Test
    void table1HasThePapersSettings() {
        GridSpec g = GridSpec.load(PAPER.resolve("table1.yaml"));
        assertEquals(List.of("dsr", "pqt", "vpg", "gp"), List.copyOf(g.variants().keySet()));
        List<String> nguyen = new ArrayList<>();
        for (int i = 1; i <= 12; i++) nguyen.add("Nguyen-" + i);
        assertEquals(nguyen, g.benchmarks());
        assertEquals(100, g.seeds().size());
        for (String v : g.variants().keySet()) {
            assertEquals(1000L, at(g, v, "training.batch_size"));
            assertEquals(2000000L, at(g, v, "training.n_samples"));
            assertEquals(4L, at(g, v, "prior.length.min_"));
            assertEquals(30L, at(g, v, "prior.length.max_"));
            assertEquals(3L, at(g, v, "prior.repeat.max_"));
            for (String p : List.of("inverse", "trig", "const", "no_inputs", "repeat", "length")) {
                assertEquals(true, at(g, v, "prior." + p + ".on"), p);
            }
            assertEquals(false, at(g, v, "prior.uniform_arity.on"));
            assertEquals(false, at(g, v, "prior.soft_length.on"));
            assertEquals(0.005, at(g, v, "estimator.entropy_weight"));
            assertEquals(1.0, at(g, v, "estimator.entropy_gamma"));
            assertEquals(0.0005, at(g, v, "estimator.learning_rate"));
            assertEquals(32L, at(g, v, "policy.num_units"));
            assertEquals(1L, at(g, v, "policy.num_layers"));
            assertEquals(true, at(g, v, "policy.observe_parent"));
            assertEquals(true, at(g, v, "policy.observe_sibling"));
            assertEquals(false, at(g, v, "policy.observe_action"));
            assertEquals(null, at(g, v, "task.function_set"), "the benchmark's own set");
        }
        assertEquals("risk_seeking", at(g, "dsr", "estimator.type"));
        assertEquals(0.05, at(g, "dsr", "estimator.epsilon"));
        assertEquals("pqt", at(g, "pqt", "estimator.type"));
        assertEquals(10L, at(g, "pqt", "estimator.pqt_k"));
        assertEquals("vanilla", at(g, "vpg", "estimator.type"));
        assertEquals(1.0, at(g, "vpg", "estimator.epsilon"));
        assertEquals("ewma_R", at(g, "vpg", "estimator.baseline"));
        assertEquals("gp", at(g, "gp", "policy.type"));
        assertEquals("gp", at(g, "gp", "estimator.type"));
        // Only the one published number we were given (the DSR average, as recalled); nothing per benchmark.
        assertEquals(1, g.references().size());
        assertEquals(0.836, g.references().get(0).average());
        assertTrue(g.references().get(0).rates().isEmpty(), "no per-benchmark published rates are filled in");
    }

    @Test
    void nggppsHasTheReferenceGpMeldSettings() {
        GridSpec g = GridSpec.load(PAPER.resolve("nggpps.yaml"));
        assertEquals(List.of("dsr", "gp_meld"), List.copyOf(g.variants().keySet()));
        assertEquals(12 + 8 + 22, g.benchmarks().size());
        assertEquals(null, g.base(), "DSO's regression defaults = the built-in defaults");
        for (String v : g.variants().keySet()) {
            assertEquals(500L, at(g, v, "training.batch_size"));
            assertEquals(0.02, at(g, v, "estimator.epsilon"));
            assertEquals(100L, at(g, v, "prior.length.max_"));
            assertEquals(true, at(g, v, "prior.domain_range.on"));
        }
        assertEquals(false, at(g, "dsr", "gp_meld.on"));
        assertEquals(true, at(g, "gp_meld", "gp_meld.on"));
        assertEquals(100L, at(g, "gp_meld", "gp_meld.population_size"));
        assertEquals(20L, at(g, "gp_meld", "gp_meld.generations"));
        assertEquals(50L, at(g, "gp_meld", "gp_meld.train_n"));
        assertEquals(5L, at(g, "gp_meld", "gp_meld.tournament_size"));
    }

    @Test
    void dsoDefaultsGridChangesNothingButTheEstimatorType() {
        GridSpec g = GridSpec.load(PAPER.resolve("table1-dso-defaults.yaml"));
        assertEquals(null, g.base());
        assertEquals(Map.of("estimator", Map.of("type", "risk_seeking")), g.settings("dsr"));
        assertEquals(GridSpec.load(PAPER.resolve("table1.yaml")).benchmarks(), g.benchmarks());
    }

    @Test
    void ablationVariantsEachChangeSomethingOfFull() {
        GridSpec g = GridSpec.load(PAPER.resolve("ablations.yaml"));
        Object full = DottedKeys.canonical(g.settings("full"));
        for (String v : g.variants().keySet()) {
            if (v.equals("full")) continue;
            List<String> diffs = new ArrayList<>();
            ResumeGuard.diff("", full, DottedKeys.canonical(g.settings(v)), diffs);
            assertFalse(diffs.isEmpty(), v);
        }
        assertEquals(0.0, at(g, "no-entropy", "estimator.entropy_weight"));
        assertEquals(false, at(g, "no-hierarchical", "policy.observe_parent"));
        assertEquals(true, at(g, "no-hierarchical", "policy.observe_action"));
        assertEquals(true, at(g, "no-trig", "prior.inverse.on"));
        assertEquals(false, at(g, "no-trig", "prior.trig.on"));
    }

    @Test
    void noiseGridCoversElevenLevelsTimesTwoDataSizes() {
        GridSpec g = GridSpec.load(PAPER.resolve("noise.yaml"));
        assertEquals(22, g.variants().size());
        Set<String> seen = new TreeSet<>();
        for (String v : g.variants().keySet()) {
            seen.add(String.format(java.util.Locale.ROOT, "%.2f/%s", ((Number) at(g, v, "task.noise")).doubleValue(),
                    at(g, v, "task.data_factor")));
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i <= 10; i++) {
            for (int f : new int[] {1, 10}) expected.add(String.format(java.util.Locale.ROOT, "%.2f/%d", i / 100.0, f));
        }
        assertEquals(expected, seen);
    }
}
