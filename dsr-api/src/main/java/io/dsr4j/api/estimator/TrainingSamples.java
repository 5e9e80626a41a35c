package io.dsr4j.api.estimator;

import io.dsr4j.api.policy.SequenceBatch;

import java.util.Objects;

/**
 * One iteration's sampled batch as the estimator sees it. Immutable: the array accessors return copies.
 *
 * @param sequences the sampled sequences (as the policy produced them)
 * @param rewards   reward of each sequence (finite; invalid programs carry the metric's invalid reward)
 * @param keys      identity of each sample's program (its finished traversal), for uniqueness (PQT)
 * @param iteration 0-based iteration number
 * @param invalid   whether each sample's program was invalid (non-finite values on the data), so an estimator can
 *                  tell an invalid program from a valid one with the same reward
 */
public record TrainingSamples(SequenceBatch sequences, double[] rewards, String[] keys, long iteration,
                              boolean[] invalid) {

    public TrainingSamples {
        Objects.requireNonNull(sequences);
        rewards = rewards.clone();
        keys = keys.clone();
        invalid = invalid.clone();
        if (rewards.length != keys.length || rewards.length != invalid.length) {
            throw new IllegalArgumentException(rewards.length + " rewards, " + keys.length + " keys, "
                    + invalid.length + " validity flags");
        }
    }

    /** A batch whose programs are all valid (tests; callers that have no invalid programs). */
    public TrainingSamples(SequenceBatch sequences, double[] rewards, String[] keys, long iteration) {
        this(sequences, rewards, keys, iteration, new boolean[rewards.length]);
    }

    /** Number of samples. */
    public int size() { return rewards.length; }

    @Override
    public double[] rewards() { return rewards.clone(); }

    @Override
    public String[] keys() { return keys.clone(); }

    @Override
    public boolean[] invalid() { return invalid.clone(); }

    /** Whether sample {@code i}'s program was invalid. */
    public boolean invalid(int i) { return invalid[i]; }

    /** Reward of sample {@code i}. */
    public double reward(int i) { return rewards[i]; }
}
