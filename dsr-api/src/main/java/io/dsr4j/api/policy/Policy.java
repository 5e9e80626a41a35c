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

    /** Per-sample scores. */
    record Scores(double[] neglogp, double[] entropy) { }
}
