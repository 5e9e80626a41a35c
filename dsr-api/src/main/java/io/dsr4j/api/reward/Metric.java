package io.dsr4j.api.reward;

/** A reward computed from predictions on the training targets it was built for. Higher is better. */
public interface Metric {

    /** Reward of predictions {@code yHat} (length = training size, all finite). */
    double reward(double[] yHat);

    /** Reward given to invalid programs. */
    double invalidReward();

    /** Best possible reward. */
    double maxReward();
}
