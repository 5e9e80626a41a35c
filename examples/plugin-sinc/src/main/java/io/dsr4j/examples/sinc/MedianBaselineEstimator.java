package io.dsr4j.examples.sinc;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.estimator.KeptBatch;
import io.dsr4j.api.estimator.PolicyGradient;
import io.dsr4j.api.estimator.Quantiles;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;

/**
 * Estimator {@code risk_seeking_median}: risk-seeking policy gradient on the top ε of each batch, with the median
 * of the kept rewards as baseline instead of R_ε. The API's building blocks make it these few lines.
 */
public final class MedianBaselineEstimator implements GradientEstimator {

    public static final String NAME = "risk_seeking_median";

    static final Setting<Double> EPSILON = Setting.real("epsilon", 0.05).check(e -> e > 0 && e <= 1, "in (0, 1]")
            .doc("train on the top epsilon of each batch");

    private final EstimatorContext context;
    private final double epsilon;

    MedianBaselineEstimator(EstimatorContext context, double epsilon) {
        this.context = context;
        this.epsilon = epsilon;
    }

    @Override
    public EstimatorStep update(Policy policy, TrainingSamples samples) {
        if (samples.size() == 0) return PolicyGradient.nothingTrained();
        KeptBatch kept = KeptBatch.of(samples, epsilon);                 // top ε, rewards clipped
        double baseline = Quantiles.higher(kept.rewards(), 0.5);         // the median instead of R_ε
        return PolicyGradient.step(policy, kept, baseline, context);     // one step; baseline and R_ε are logged
    }

    public static final class Factory implements EstimatorFactory {
        @Override
        public Settings settings() { return Settings.of(EPSILON); }

        @Override
        public GradientEstimator create(EstimatorContext context, Params params) {
            return new MedianBaselineEstimator(context, EPSILON.read(params));
        }

        @Override
        public String description() { return "risk-seeking policy gradient with the median of the top epsilon as baseline"; }
    }
}
