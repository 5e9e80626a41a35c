package io.dsr4j.api.estimator;

import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.config.Params;

/** Builds an estimator from its {@code estimator} section keys (common keys are already consumed). */
public interface EstimatorFactory extends Configurable {

    GradientEstimator create(EstimatorContext context, Params params);
}
