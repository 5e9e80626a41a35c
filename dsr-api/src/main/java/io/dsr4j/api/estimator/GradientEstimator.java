package io.dsr4j.api.estimator;

import io.dsr4j.api.policy.Policy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Plugin kind "gradient estimator": turns a sampled, rewarded batch into policy updates (risk-seeking PG,
 * vanilla PG, PQT, PPO, ...). It may keep state across iterations (EWMA baseline, priority queue), which it
 * saves in checkpoints.
 */
public interface GradientEstimator {

    EstimatorStep update(Policy policy, TrainingSamples samples);

    default void save(DataOutputStream out) throws IOException { }

    default void load(DataInputStream in) throws IOException { }
}
