package io.dsr4j.train.estimator;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.estimator.KeptBatch;
import io.dsr4j.api.estimator.PolicyGradient;
import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.Policy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Risk-seeking policy gradient (DSR's default, estimator type {@code risk_seeking}): keep the samples with reward
 * ≥ R_ε, then one optimiser step on {@code mean((r_i − R_ε)·neglogp_i) − w·mean(entropy_i)} over them.
 * Key: {@code epsilon} (default 0.05, in (0, 1]). Stateless across iterations.
 */
public final class RiskSeekingEstimator implements GradientEstimator {

    public static final String NAME = "risk_seeking";
    public static final double DEFAULT_EPSILON = 0.05;

    private final EstimatorContext context;
    private final double epsilon;

    public RiskSeekingEstimator(EstimatorContext context, double epsilon) {
        if (!(epsilon > 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon " + epsilon + " not in (0, 1]");
        this.context = context;
        this.epsilon = epsilon;
    }

    public double epsilon() { return epsilon; }

    @Override
    public EstimatorStep update(Policy policy, TrainingSamples samples) {
        if (samples.size() == 0) return PolicyGradient.nothingTrained();
        KeptBatch kept = KeptBatch.of(samples, epsilon);
        // With ε = 1, R_ε is the batch minimum (the reference crashes there instead).
        return PolicyGradient.step(policy, kept, kept.clippedQuantile(), context);
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        StateHeader.write(out, NAME);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        StateHeader.read(in, NAME);
    }

    /** Reads {@code epsilon}. */
    public static final class Factory implements EstimatorFactory {
        static final Setting<Double> EPSILON = EstimatorParams.epsilon(DEFAULT_EPSILON);

        @Override
        public Settings settings() { return Settings.of(EPSILON); }

        @Override
        public GradientEstimator create(EstimatorContext context, Params params) {
            double epsilon = EPSILON.read(params);
            params.requireAllUsed();
            return new RiskSeekingEstimator(context, epsilon);
        }

        @Override
        public String description() {
            return "risk-seeking policy gradient on the top epsilon of each batch, baseline R_epsilon (DSR default)";
        }
    }
}
