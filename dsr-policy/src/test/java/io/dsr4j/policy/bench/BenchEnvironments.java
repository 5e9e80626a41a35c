package io.dsr4j.policy.bench;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.token.Library;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import io.dsr4j.programs.prior.PriorSet;
import io.dsr4j.programs.prior.builtin.BuiltinPriors;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sampling environments for the policy benchmarks. */
final class BenchEnvironments {

    private BenchEnvironments() { }

    /**
     * "priors": the real {@code PriorEnvironment} with the built-in default regression priors (length 4..maxLength,
     * repeat, inverse, trig, const, no_inputs, uniform_arity, soft_length(10, 5)) on the Koza set + x1 (Nguyen-1);
     * "const-priors": the same priors on Koza + const with x1, x2 (Constant-3's library: repeat and const are in force);
     * "toy": the test environment (length 4..maxLength + uniform arity only, longer sequences).
     */
    static SamplingEnvironment create(String kind, int maxLength) {
        if (kind.equals("toy")) return new ToyEnvironment(TestToken.koza(), 4, maxLength, true);
        if (!kind.equals("priors") && !kind.equals("const-priors")) {
            throw new IllegalArgumentException("unknown environment " + kind + "; allowed: priors, const-priors, toy");
        }
        List<String> set = new java.util.ArrayList<>(List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log"));
        if (kind.equals("const-priors")) set.add("const");
        Library koza = LibraryBuilder.build(kind.equals("const-priors") ? 2 : 1, set, false, BuiltinTokensPlugin.factories());
        Map<String, Object> priors = m(
                "length", m("on", true, "min_", 4, "max_", maxLength),
                "repeat", m("on", true, "tokens", "const", "min_", null, "max_", 3),
                "inverse", m("on", true), "trig", m("on", true), "const", m("on", true), "no_inputs", m("on", true),
                "uniform_arity", m("on", true), "soft_length", m("on", true, "loc", 10, "scale", 5));
        return PriorSet.build(Params.of("prior", priors), BuiltinPriors.factories(), koza, null, maxLength).environment();
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
