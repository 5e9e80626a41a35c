package io.dsr4j.policy;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.token.Library;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RnnSpecTest {

    private static final Location FILE = new Location("run.yaml", 7, 3);

    /** A policy section as a user wrote it (file location, so unknown-key checks apply). */
    static Params user(Map<String, ?> values) {
        return new Params("policy", (ConfigNode.MapNode) ConfigNode.of(values, FILE));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + p + "' missing in: " + message);
    }

    @Test
    void emptySectionGivesTheReferenceDefaults() {
        RnnSpec s = RnnSpec.parse(Params.empty("policy"));
        assertEquals(RnnSpec.defaults(), s);
        assertEquals(64, s.maxLength());
        assertEquals(RnnSpec.Cell.LSTM, s.cell());
        assertArrayEquals(new int[] {32}, s.units());
        assertEquals(RnnSpec.Initializer.ZEROS, s.initializer());
        assertTrue(s.observeParent() && s.observeSibling() && !s.observeAction() && !s.observeDangling());
        assertEquals(8, s.embeddingSize());
    }

    @Test
    void readsEveryKey() {
        RnnSpec s = RnnSpec.parse(user(map("type", "lstm", "max_length", 30, "cell", "gru", "num_layers", 2,
                "num_units", 16, "initializer", "var_scale", "observe_action", true, "observe_parent", false,
                "observe_sibling", false, "observe_dangling", true, "embedding", true, "embedding_size", 4,
                "action_prob_lowerbound", 0.05)));
        assertEquals(new RnnSpec(30, RnnSpec.Cell.GRU, new int[] {16, 16}, RnnSpec.Initializer.VAR_SCALE,
                true, false, false, true, true, 4, 0.05), s);
    }

    @Test
    void allKeysAreMarkedUsed() {
        Params p = user(map("type", "lstm", "num_units", 8, "cell", "lstm", "embedding", false));
        RnnSpec.parse(p);
        p.requireAllUsed();
    }

    @Test
    void misspelledKeyIsReportedWithSuggestion() {
        Params p = user(map("type", "lstm", "num_unit", 8));
        RnnSpec.parse(p);
        ConfigException e = assertThrows(ConfigException.class, p::requireAllUsed);
        assertContains(e.getMessage(), "run.yaml:7:3", "policy.num_unit", "did you mean 'num_units'");
    }

    @Test
    void perLayerUnitsList() {
        RnnSpec s = RnnSpec.parse(user(map("num_units", List.of(64, 32, 16))));
        assertArrayEquals(new int[] {64, 32, 16}, s.units());
        assertEquals(3, s.numLayers());
        assertEquals(16, s.outputUnits());
        // a consistent num_layers is fine
        assertEquals(2, RnnSpec.parse(user(map("num_layers", 2, "num_units", List.of(4, 5)))).numLayers());
    }

    @Test
    void unitsListContradictingNumLayersIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RnnSpec.parse(user(map("num_layers", 3, "num_units", List.of(4, 5)))));
        assertContains(e.getMessage(), "policy.num_units", "num_layers is 3");
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() {
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("cell", "lstn")))).getMessage(), "run.yaml:7:3", "policy.cell", "gru, lstm", "did you mean 'lstm'");
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("initializer", "xavier")))).getMessage(), "policy.initializer", "var_scale, zeros");
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("action_prob_lowerbound", 1.0)))).getMessage(), "policy.action_prob_lowerbound", "excluding 1");
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("action_prob_lowerbound", -0.1)))).getMessage(), "policy.action_prob_lowerbound");
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("num_units", 0)))).getMessage(), "policy.num_units", "out of range");
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("num_units", List.of(8, "big"))))).getMessage(), "policy.num_units", "entry 2");
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("max_length", 0)))).getMessage(), "policy.max_length");
        assertContains(assertThrows(ConfigException.class, () -> RnnSpec.parse(user(map("embedding", "yes")))).getMessage(), "policy.embedding", "true or false");
    }

    @Test
    void observationVocabulariesFollowTheReference() {
        Library koza = TestToken.koza(); // x1, add, sub, mul, div, sin, cos, exp, log
        assertEquals(10, RnnSpec.actionVocabulary(koza));
        assertEquals(9, RnnSpec.parentVocabulary(koza));
        assertEquals(10, RnnSpec.siblingVocabulary(koza));
        assertEquals(9, RnnSpec.actionIndex(koza, -1));
        assertEquals(3, RnnSpec.actionIndex(koza, 3));
        assertEquals(8, RnnSpec.parentIndex(koza, -1));
        assertEquals(0, RnnSpec.parentIndex(koza, koza.indexOf("add")));
        assertEquals(4, RnnSpec.parentIndex(koza, koza.indexOf("sin")));
        assertEquals(9, RnnSpec.siblingIndex(koza, -1));
        assertEquals(0, RnnSpec.siblingIndex(koza, 0));

        RnnSpec def = RnnSpec.defaults();
        assertEquals(9 + 10, def.inputSize(koza));
        assertEquals(-1, def.actionOffset(koza));
        assertEquals(0, def.parentOffset(koza));
        assertEquals(9, def.siblingOffset(koza));
        RnnSpec all = new RnnSpec(64, RnnSpec.Cell.LSTM, new int[] {8}, RnnSpec.Initializer.ZEROS,
                true, true, true, true, false, 8, 0);
        assertEquals(10 + 9 + 10 + 1, all.inputSize(koza));
        assertEquals(0, all.actionOffset(koza));
        assertEquals(10, all.parentOffset(koza));
        assertEquals(19, all.siblingOffset(koza));
        assertEquals(29, all.danglingOffset(koza));
        RnnSpec emb = new RnnSpec(64, RnnSpec.Cell.LSTM, new int[] {8}, RnnSpec.Initializer.ZEROS,
                true, true, true, true, true, 5, 0);
        assertEquals(3 * 5 + 1, emb.inputSize(koza));
        assertEquals(15, emb.danglingOffset(koza));
    }

    @org.junit.jupiter.api.Test
    void builderNamesWhatThePositionalConstructorTakes() {
        assertEquals(RnnSpec.defaults(), RnnSpec.builder().build());
        RnnSpec s = RnnSpec.builder().cell(RnnSpec.Cell.GRU).units(16, 8).observe(true, false, true, true).embedding(4)
                .maxLength(30).build();
        assertEquals(new RnnSpec(30, RnnSpec.Cell.GRU, new int[] {16, 8}, RnnSpec.Initializer.ZEROS, true, false, true,
                true, true, 4, 0.0), s);
        assertEquals(s, s.toBuilder().build());
    }
}
