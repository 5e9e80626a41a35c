package io.dsr4j.policy.lstm;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.policy.RnnSpec;

/** Shared helpers for the engine tests. */
final class PolicyTestSupport {

    private PolicyTestSupport() { }

    static JvmLstmPolicy policy(RnnSpec spec, SamplingEnvironment env, long seed, int threads, OptimizerSpec opt) {
        return new JvmLstmPolicy(spec, new PolicyContext(env, seed, threads, opt));
    }

    static JvmLstmPolicy policy(RnnSpec spec, SamplingEnvironment env, long seed, int threads) {
        return policy(spec, env, seed, threads, OptimizerSpec.adam(1e-3));
    }

    static RnnSpec spec(RnnSpec.Cell cell, int[] units, RnnSpec.Initializer init, boolean action, boolean parent,
                        boolean sibling, boolean dangling, boolean embedding, int embSize, double lb) {
        return new RnnSpec(64, cell, units, init, action, parent, sibling, dangling, embedding, embSize, lb);
    }

    /**
     * A test-only loss, non-linear in neglogp so that per-sample weights matter:
     * {@code Σ_i a_i·nlp_i + ½·c_i·nlp_i² + b_i·ent_i}.
     */
    record QuadraticLoss(double[] a, double[] b, double[] c, double gamma) implements PolicyLoss {
        @Override
        public double entropyGamma() { return gamma; }

        @Override
        public double evaluate(double[] neglogp, double[] entropy, double[] gradNeglogp, double[] gradEntropy) {
            double v = 0;
            for (int i = 0; i < neglogp.length; i++) {
                v += a[i] * neglogp[i] + 0.5 * c[i] * neglogp[i] * neglogp[i] + b[i] * entropy[i];
                gradNeglogp[i] = a[i] + c[i] * neglogp[i];
                gradEntropy[i] = b[i];
            }
            return v;
        }
    }

    /** {@code Σ_i w_i·neglogp_i − β·mean(entropy)}: policy-gradient style with fixed per-sample weights. */
    record WeightedLoss(double[] w, double beta, double gamma) implements PolicyLoss {
        @Override
        public double entropyGamma() { return gamma; }

        @Override
        public double evaluate(double[] neglogp, double[] entropy, double[] gradNeglogp, double[] gradEntropy) {
            double v = 0;
            int n = neglogp.length;
            for (int i = 0; i < n; i++) {
                v += w[i] * neglogp[i] - beta * entropy[i] / n;
                gradNeglogp[i] = w[i];
                gradEntropy[i] = -beta / n;
            }
            return v;
        }
    }
}
