package io.dsr4j.api.policy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A policy over prefix traversals (plugin kind "policy"). Sampling applies the environment's priors in situ;
 * scoring and training re-use the stored observations and priors so that training log-probabilities are exactly
 * those of the constrained sampling distribution.
 */
public interface Policy extends AutoCloseable {

    /** Samples {@code n} sequences; reproducible given the policy's seed and call history. */
    SequenceBatch sample(int n);

    /** Per-sample neglogp and γ-discounted entropy of the prior-adjusted distribution. */
    Scores score(SequenceBatch batch, double entropyGamma);

    /** One optimiser step on {@code loss} over {@code batch}; returns the loss value before the step. */
    double trainStep(SequenceBatch batch, PolicyLoss loss);

    /** Weights, optimiser state and RNG state, for checkpoints. */
    void save(DataOutputStream out) throws IOException;

    void load(DataInputStream in) throws IOException;

    int parameterCount();

    @Override
    default void close() { }

    /** Per-sample scores; copied in and out (use {@link #neglogp(int)} and {@link #entropy(int)} in loops). */
    record Scores(double[] neglogp, double[] entropy) {
        public Scores {
            neglogp = neglogp.clone();
            entropy = entropy.clone();
        }

        @Override
        public double[] neglogp() { return neglogp.clone(); }

        @Override
        public double[] entropy() { return entropy.clone(); }

        /** neglogp of sample {@code i}. */
        public double neglogp(int i) { return neglogp[i]; }

        /** γ-discounted entropy of sample {@code i}. */
        public double entropy(int i) { return entropy[i]; }
    }
}
