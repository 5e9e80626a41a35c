package io.dsr4j.policy.lstm;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.programs.prior.PriorSet;
import io.dsr4j.programs.prior.builtin.BuiltinPriors;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against the production sampling environment (dsr-programs' PriorEnvironment, default priors). */
class RealPriorsTest {

    @Test
    void samplesScoresAndTrainsUnderTheDefaultRegressionPriors() {
        Library lib = LibraryBuilder.build(1, List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log", "const"),
                false, BuiltinTokensPlugin.factories());
        Map<String, Object> priors = m(
                "length", m("on", true, "min_", 4, "max_", 30),
                "repeat", m("on", true, "tokens", "const", "min_", null, "max_", 3),
                "inverse", m("on", true), "trig", m("on", true), "const", m("on", true), "no_inputs", m("on", true),
                "uniform_arity", m("on", true), "soft_length", m("on", true, "loc", 10, "scale", 5));
        SamplingEnvironment env = PriorSet.build(Params.of("prior", priors), BuiltinPriors.factories(), lib, null, 64).environment();
        assertEquals(30, env.maxLength());
        try (JvmLstmPolicy policy = PolicyTestSupport.policy(RnnSpec.defaults(), env, 0, 2, OptimizerSpec.adam(5e-4))) {
            SequenceBatch b = policy.sample(500);
            int cst = lib.indexOf("const");
            boolean soft = false;
            for (int r = 0; r < b.size(); r++) {
                assertTrue(b.length(r) >= 4 && b.length(r) <= 30);
                int consts = 0;
                for (int t = 0; t < b.length(r); t++) {
                    int a = b.action(r, t);
                    assertTrue(Float.isFinite(b.prior(r, t, a)), "sampled a forbidden token");
                    if (a == cst) consts++;
                    for (int k = 0; k < lib.size(); k++) soft |= b.prior(r, t, k) < 0 && Float.isFinite(b.prior(r, t, k));
                }
                assertTrue(consts <= 3, "repeat prior violated");
            }
            assertTrue(soft, "soft priors present");
            var s = policy.score(b, 0.7);
            for (int r = 0; r < b.size(); r++) assertTrue(Double.isFinite(s.neglogp()[r]) && s.entropy()[r] > 0);
            double[] w = new double[50];
            java.util.Arrays.fill(w, 1.0 / 50);
            int[] rows = new int[50];
            for (int i = 0; i < 50; i++) rows[i] = i * 7;
            double before = policy.trainStep(b.select(rows), new PolicyTestSupport.WeightedLoss(w, 0.03, 0.7));
            assertTrue(Double.isFinite(before));
        }
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
