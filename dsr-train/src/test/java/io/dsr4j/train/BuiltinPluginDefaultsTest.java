package io.dsr4j.train;

import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.settings.FrameworkKeys;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in plugins ship their own defaults (typed settings), registered like any plugin. Resolved with them,
 * the defaults are exactly DSO's regression defaults that dsr-api's defaults.yaml used to hold, so every result
 * reproduces bit for bit.
 */
class BuiltinPluginDefaultsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static Object section(DsrConfig c, String path) {
        Object v = c.toMap();
        for (String part : path.split("\\.")) v = ((Map<?, ?>) v).get(part);
        return v;
    }

    private static DsrConfig resolved(String... sets) {
        return ConfigLoader.load(null, List.of(sets)).withPlugins(REGISTRY);
    }

    @Test
    void resolvedDefaultsAreTheFormerDefaultsYaml() {
        DsrConfig c = resolved();
        assertEquals(map("type", "lstm", "max_length", 64L, "cell", "lstm", "num_layers", 1L, "num_units", 32L,
                "initializer", "zeros", "observe_action", false, "observe_parent", true, "observe_sibling", true,
                "observe_dangling", false, "embedding", false, "embedding_size", 8L, "action_prob_lowerbound", 0.0,
                "precision", "float64"),
                section(c, "policy"));
        assertEquals(map("type", "risk_seeking", "learning_rate", 0.0005, "optimizer", "adam", "entropy_weight", 0.03,
                "entropy_gamma", 0.7, "epsilon", 0.05), section(c, "estimator"));
        assertEquals(map("type", "lm", "max_iterations", 50L, "max_evaluations", 200L, "cost_tolerance", 1e-10,
                "parameter_tolerance", 1e-10, "ortho_tolerance", 1e-10, "initial_step_bound", 100.0, "restarts", 0L,
                "restart_range", 10.0, "seed", 0L, "solver", "hipparchus"), section(c, "training.const_optimizer"));
        assertEquals(map(
                "length", map("on", true, "min_", 4L, "max_", 64L),
                "repeat", map("on", true, "tokens", List.of("const"), "min_", null, "max_", 3L),
                "inverse", map("on", true), "trig", map("on", true), "const", map("on", true),
                "no_inputs", map("on", true), "uniform_arity", map("on", true),
                "soft_length", map("on", true, "loc", 10L, "scale", 5L),
                "domain_range", map("on", false)), section(c, "prior"));
    }

    @Test
    void eachEstimatorBringsItsOwnDefaults() {
        Map<String, Object> common = map("learning_rate", 0.0005, "optimizer", "adam", "entropy_weight", 0.03,
                "entropy_gamma", 0.7);
        Map<String, Map<String, Object>> expected = Map.of(
                "vanilla", map("epsilon", 1.0, "baseline", "ewma_R", "alpha", 0.5, "b_jumpstart", false),
                "pqt", map("epsilon", 0.05, "pqt_k", 10L, "pqt_batch_size", 1L, "pqt_weight", 200.0, "pqt_use_pg", false),
                "ppo", map("epsilon", 0.05, "baseline", "R_e", "alpha", 0.5, "b_jumpstart", false,
                        "ppo_clip_ratio", 0.2, "ppo_n_iters", 10L, "ppo_n_mb", 4L));
        expected.forEach((type, own) -> {
            Map<String, Object> all = new HashMap<>(common);
            all.putAll(own);
            all.put("type", type);
            assertEquals(all, section(resolved("estimator.type=" + type), "estimator"), type);
        });
        assertEquals(Map.of("type", "dl4j-lstm", "data_type", "float"),
                filter(section(resolved("policy.type=dl4j-lstm"), "policy"), "type", "data_type"));
    }

    private static Map<String, Object> filter(Object m, String... keys) {
        Map<String, Object> out = new HashMap<>();
        for (String k : keys) out.put(k, ((Map<?, ?>) m).get(k));
        return out;
    }

    /** Built-ins that declare their settings (each must; any other that declares must be documented too). */
    private static final java.util.Set<String> DECLARING = java.util.Set.of("lstm", "dl4j-lstm", "risk_seeking",
            "vanilla", "pqt", "ppo", "lm", "none", "length", "repeat", "inverse", "trig", "const", "no_inputs",
            "uniform_arity", "soft_length", "relational", "domain_range");

    @Test
    void builtinsDeclareTheirSettingsAndTheReadmeDocumentsThem() throws Exception {
        Path readme = Path.of("..", "README.md");
        Assumptions.assumeTrue(Files.isRegularFile(readme), "README.md not found next to the module");
        String text = Files.readString(readme);
        List<String> missing = new ArrayList<>();
        Map<PluginKind, String> sections = Map.of(PluginKind.POLICY, "policy", PluginKind.GRADIENT_ESTIMATOR,
                "estimator", PluginKind.CONSTANT_OPTIMIZER, "training", PluginKind.PRIOR, "prior");
        sections.forEach((kind, title) -> {
            int start = text.indexOf("### `" + title + "`");
            int end = text.indexOf("\n### ", start + 1);
            String chunk = text.substring(start, end < 0 ? text.length() : end);
            for (String name : REGISTRY.names(kind)) {
                Settings s = REGISTRY.settingsOf(kind, name);
                if (DECLARING.contains(name)) assertTrue(s.declared(), kind.label() + " '" + name + "' declares its settings");
                for (Setting<?> setting : s.list()) {
                    if (!chunk.contains("`" + setting.name())) missing.add(title + ": " + name + "." + setting.name());
                }
            }
        });
        for (Setting<?> s : FrameworkKeys.ESTIMATOR.list()) assertTrue(text.contains("`" + s.name() + "`"), s.name());
        assertTrue(missing.isEmpty(), "README.md 'Configuration' does not document: " + missing);
    }
}
