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
 * Vanilla policy gradient (estimator type {@code vanilla}): one optimiser step on
 * {@code mean((r_i − b)·neglogp_i) − w·mean(entropy_i)} over the whole batch, or over the top ε if {@code epsilon}
 * &lt; 1 is set. The baseline b is one of {@link Baseline.Kind}; its EWMA persists across iterations and checkpoints.
 * Keys: {@code epsilon} (default 1), {@code baseline} (default ewma_R), {@code alpha} (0.5), {@code b_jumpstart}
 * (false). The built-in defaults' {@code epsilon: 0.05} and {@code baseline: R_e} describe risk_seeking and are not
 * applied here; only values the user sets are.
 */
public final class VanillaEstimator implements GradientEstimator {

    public static final String NAME = "vanilla";
    public static final double DEFAULT_EPSILON = 1.0;
    public static final Baseline.Kind DEFAULT_BASELINE = Baseline.Kind.EWMA_R;

    private final EstimatorContext context;
    private final double epsilon;
    private final Baseline baseline;

    public VanillaEstimator(EstimatorContext context, double epsilon, Baseline baseline) {
        if (!(epsilon > 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon " + epsilon + " not in (0, 1]");
        this.context = context;
        this.epsilon = epsilon;
        this.baseline = baseline;
    }

    public double epsilon() { return epsilon; }

    public Baseline baseline() { return baseline; }

    @Override
    public EstimatorStep update(Policy policy, TrainingSamples samples) {
        if (samples.size() == 0) return PolicyGradient.nothingTrained();
        KeptBatch kept = KeptBatch.of(samples, epsilon);
        double b = baseline.next(kept.meanReward(), kept.minReward(), kept.clippedQuantile());
        double loss = PolicyGradient.train(policy, kept, b, context);
        return new EstimatorStep(b, epsilon < 1 ? kept.quantile() : Double.NaN, kept.size(), loss, kept.rows());
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        StateHeader.write(out, NAME);
        baseline.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        StateHeader.read(in, NAME);
        baseline.load(in);
    }

    /** Reads {@code epsilon}, {@code baseline}, {@code alpha}, {@code b_jumpstart}. */
    public static final class Factory implements EstimatorFactory {
        static final Setting<Double> EPSILON = EstimatorParams.epsilon(DEFAULT_EPSILON);
        static final Setting<String> BASELINE = EstimatorParams.baselineKind(DEFAULT_BASELINE);

        @Override
        public Settings settings() {
            return Settings.of(EPSILON, BASELINE, EstimatorParams.ALPHA, EstimatorParams.JUMPSTART);
        }

        @Override
        public GradientEstimator create(EstimatorContext context, Params params) {
            double epsilon = EPSILON.read(params);
            Baseline b = EstimatorParams.baseline(params, BASELINE);
            params.requireAllUsed();
            return new VanillaEstimator(context, epsilon, b);
        }

        @Override
        public String description() {
            return "policy gradient on the whole batch (or top epsilon) with an EWMA/R_e baseline carried across iterations";
        }
    }
}
