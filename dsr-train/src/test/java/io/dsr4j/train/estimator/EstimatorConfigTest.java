package io.dsr4j.train.estimator;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.estimator.EstimatorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstimatorConfigTest {

    private static final Map<String, EstimatorFactory> FACTORIES = Map.of(
            "risk_seeking", new RiskSeekingEstimator.Factory(),
            "vanilla", new VanillaEstimator.Factory(),
            "pqt", new PqtEstimator.Factory(),
            "ppo", new PpoEstimator.Factory());

    private static ConfigException fails(String type, Map<String, ?> user) {
        return assertThrows(ConfigException.class,
                () -> FACTORIES.get(type).create(TestBatches.context(), TestBatches.params(user)));
    }

    private static void assertNames(ConfigException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"risk_seeking", "vanilla", "pqt", "ppo"})
    void builtInDefaultsAloneAreAccepted(String type) {
        assertDoesNotThrow(() -> FACTORIES.get(type).create(TestBatches.context(), TestBatches.params()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"risk_seeking", "vanilla", "pqt", "ppo"})
    void epsilonMustBeInZeroOne(String type) {
        assertNames(fails(type, Map.of("epsilon", 0.0)), "user.yaml:3:5", "estimator.epsilon", "greater than 0");
        assertNames(fails(type, Map.of("epsilon", 1.5)), "estimator.epsilon", "1.5");
        assertNames(fails(type, Map.of("epsilon", "lots")), "estimator.epsilon", "a number");
        assertDoesNotThrow(() -> FACTORIES.get(type).create(TestBatches.context(),
                TestBatches.params(Map.of("epsilon", 1.0))));
    }

    @Test
    void nullEpsilonMeansWholeBatch() {
        Map<String, Object> user = new HashMap<>();
        user.put("epsilon", null);
        RiskSeekingEstimator rs = (RiskSeekingEstimator) new RiskSeekingEstimator.Factory()
                .create(TestBatches.context(), TestBatches.params(user));
        assertEquals(1.0, rs.epsilon());
        RiskSeekingEstimator dflt = (RiskSeekingEstimator) new RiskSeekingEstimator.Factory()
                .create(TestBatches.context(), TestBatches.params());
        assertEquals(0.05, dflt.epsilon());
    }

    @Test
    void userKeysOfOtherTypesAreErrors() {
        assertNames(fails("risk_seeking", Map.of("baseline", "ewma_R")), "estimator.baseline", "unknown key",
                "user.yaml:3:5");
        assertNames(fails("risk_seeking", Map.of("pqt_k", 5)), "estimator.pqt_k", "unknown key");
        assertNames(fails("vanilla", Map.of("ppo_n_mb", 2)), "estimator.ppo_n_mb", "unknown key");
        assertNames(fails("pqt", Map.of("alpha", 0.3)), "estimator.alpha", "unknown key");
        assertNames(fails("ppo", Map.of("pqt_use_pg", true)), "estimator.pqt_use_pg", "unknown key");
    }

    @Test
    void typosGetASuggestion() {
        assertNames(fails("risk_seeking", Map.of("epsilom", 0.1)), "estimator.epsilom", "epsilon");
        assertNames(fails("vanilla", Map.of("baseline", "ewma_r")), "estimator.baseline", "ewma_R");
    }

    @Test
    void rangesOfTheOtherKeys() {
        assertNames(fails("vanilla", Map.of("alpha", 1.5)), "estimator.alpha", "0 to 1");
        assertNames(fails("vanilla", Map.of("alpha", -0.1)), "estimator.alpha");
        assertNames(fails("vanilla", Map.of("b_jumpstart", "maybe")), "estimator.b_jumpstart", "true or false");
        assertNames(fails("pqt", Map.of("pqt_k", 0)), "estimator.pqt_k", "out of range");
        assertNames(fails("pqt", Map.of("pqt_batch_size", -1)), "estimator.pqt_batch_size");
        assertNames(fails("pqt", Map.of("pqt_weight", -1.0)), "estimator.pqt_weight");
        assertNames(fails("pqt", Map.of("pqt_weight", Double.POSITIVE_INFINITY)), "estimator.pqt_weight");
        assertNames(fails("pqt", Map.of("pqt_use_pg", "yes please")), "estimator.pqt_use_pg");
        assertNames(fails("ppo", Map.of("ppo_clip_ratio", 0.0)), "estimator.ppo_clip_ratio");
        assertNames(fails("ppo", Map.of("ppo_clip_ratio", 1.5)), "estimator.ppo_clip_ratio");
        assertNames(fails("ppo", Map.of("ppo_n_iters", 0)), "estimator.ppo_n_iters");
        assertNames(fails("ppo", Map.of("ppo_n_mb", 0)), "estimator.ppo_n_mb");
        assertNames(fails("ppo", Map.of("baseline", "median")), "estimator.baseline", "R_e");
    }

    @Test
    void vanillaUsesItsOwnDefaultsUnlessTheUserSetsThem() {
        VanillaEstimator dflt = (VanillaEstimator) new VanillaEstimator.Factory()
                .create(TestBatches.context(), TestBatches.params());
        assertEquals(1.0, dflt.epsilon());
        assertEquals(Baseline.Kind.EWMA_R, dflt.baseline().kind());
        VanillaEstimator set = (VanillaEstimator) new VanillaEstimator.Factory().create(TestBatches.context(),
                TestBatches.params(Map.of("epsilon", 0.05, "baseline", "R_e")));
        assertEquals(0.05, set.epsilon());
        assertEquals(Baseline.Kind.R_E, set.baseline().kind());
    }

    @Test
    void ppoDefaultsToTheReBaselineAndPqtReadsItsKeys() {
        PpoEstimator ppo = (PpoEstimator) new PpoEstimator.Factory().create(TestBatches.context(),
                TestBatches.params());
        assertEquals(Baseline.Kind.R_E, ppo.baseline().kind());
        PqtEstimator pqt = assertInstanceOf(PqtEstimator.class, new PqtEstimator.Factory().create(
                TestBatches.context(), TestBatches.params(Map.of("pqt_k", 3, "pqt_use_pg", true))));
        assertEquals(3, pqt.queue().capacity());
        assertTrue(pqt.usesPolicyGradient());
    }
}
