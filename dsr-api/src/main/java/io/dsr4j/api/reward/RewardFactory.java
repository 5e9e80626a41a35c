package io.dsr4j.api.reward;

import io.dsr4j.api.config.ConfigException;

/** Plugin kind "reward": builds a metric for {@code task.metric} with {@code task.metric_params}. */
public interface RewardFactory {

    /** Number of parameters this metric takes (the reference requires an exact match). */
    int parameterCount();

    /** @throws ConfigException when the parameters are not acceptable */
    Metric create(double[] yTrain, double[] params);

    default String description() { return ""; }
}
