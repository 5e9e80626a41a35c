package io.dsr4j.api.estimator;

import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.config.Params;

/** Builds an estimator from its {@code estimator} section keys (common keys are already consumed). */
public interface EstimatorFactory extends Configurable {

    GradientEstimator create(EstimatorContext context, Params params);

    /**
     * The only {@code policy.type} this estimator can train (e.g. estimator {@code gp} breeds the population of
     * policy {@code gp} and computes no gradient), or null for any policy. A configuration pairing it with another
     * policy is rejected before any work.
     */
    default String requiredPolicy() { return null; }
}
