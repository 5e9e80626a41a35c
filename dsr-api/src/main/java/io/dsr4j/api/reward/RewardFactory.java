package io.dsr4j.api.reward;

import io.dsr4j.api.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * Plugin kind "reward": builds a metric for {@code task.metric} with {@code task.metric_params}, given as a list
 * (positional, as DSO writes it) or by name ({@code metric_params: {scale: 10}}, names from
 * {@link #parameterNames()}); the framework checks the count and the names before calling {@code create}.
 */
public interface RewardFactory {

    /** Number of parameters this metric takes (the reference requires an exact match). */
    int parameterCount();

    /**
     * The parameters' names, in the order of the list form and of {@code create}'s array. The default names them
     * {@code p0, p1, ...}; override to give them meaning.
     */
    default List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parameterCount(); i++) names.add("p" + i);
        return List.copyOf(names);
    }

    /** @throws ConfigException when the parameters are not acceptable */
    Metric create(double[] yTrain, double[] params);

    /**
     * Whether this metric can weigh training rows ({@code task.sample_weights}); the default is no, and a
     * configuration with weights and this metric is rejected up front.
     */
    default boolean supportsSampleWeights() { return false; }

    /**
     * The metric with sample weights: {@code weights[i] >= 0} is the weight of training row {@code i} (checked by
     * the framework: finite, not all zero, one per row), or null for none. Override together with
     * {@link #supportsSampleWeights()}; the default builds the unweighted metric and accepts no weights.
     */
    default Metric create(double[] yTrain, double[] params, double[] weights) {
        if (weights == null) return create(yTrain, params);
        throw new UnsupportedOperationException("this metric does not support sample weights");
    }

    default String description() { return ""; }
}
