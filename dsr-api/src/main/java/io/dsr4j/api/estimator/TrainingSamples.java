package io.dsr4j.api.estimator;

import io.dsr4j.api.policy.SequenceBatch;

/**
 * One iteration's sampled batch as the estimator sees it.
 *
 * @param sequences the sampled sequences (as the policy produced them)
 * @param rewards   reward of each sequence (finite; invalid programs carry the metric's invalid reward)
 * @param keys      identity of each sample's program (its finished traversal), for uniqueness (PQT)
 * @param iteration 0-based iteration number
 */
public record TrainingSamples(SequenceBatch sequences, double[] rewards, String[] keys, long iteration) { }
