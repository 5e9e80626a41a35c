package io.dsr4j.api.estimator;

import io.dsr4j.api.policy.Policy;

/**
 * The policy-gradient step shared by estimators: the loss assembly and the {@link EstimatorStep} it reports. With
 * these a variant is a few lines, e.g. risk-seeking with the median of the kept rewards as baseline:
 * <pre>{@code
 * public EstimatorStep update(Policy policy, TrainingSamples samples) {
 *     if (samples.size() == 0) return PolicyGradient.nothingTrained();
 *     KeptBatch kept = KeptBatch.of(samples, epsilon);              // top ε of the batch, rewards clipped
 *     double baseline = Quantiles.higher(kept.rewards(), 0.5);      // instead of R_ε
 *     return PolicyGradient.step(policy, kept, baseline, context);  // one optimiser step, logged as usual
 * }
 * }</pre>
 *
 * <p><b>Loss convention.</b> The policy <em>minimises</em> the loss it is given ({@link io.dsr4j.api.policy.PolicyLoss}).
 * The policy-gradient loss is {@code L = mean_i((r_i − b)·neglogp_i) − w·mean_i(entropy_i)}, with
 * {@code neglogp_i = −Σ_t log π(a_t)} of the prior-adjusted distribution and {@code entropy_i = Σ_t γ^t H_t}:
 * minimising it raises the probability of samples above the baseline and, through the {@code −w} term, the entropy.
 * The estimator adds the entropy bonus (it is part of the loss); the policy never adds one of its own.
 */
public final class PolicyGradient {

    private PolicyGradient() { }

    /** One optimiser step on the kept batch with the loss above; returns the loss. */
    public static double train(Policy policy, KeptBatch kept, double baseline, EstimatorContext context) {
        LinearPolicyLoss loss = LinearPolicyLoss.policyGradient(kept.advantages(baseline), context.entropyWeight(),
                context.entropyGamma());
        return policy.trainStep(kept.sequences(), loss);
    }

    /** {@link #train} and the step it reports: baseline, R_ε, trained count, loss and kept rows. */
    public static EstimatorStep step(Policy policy, KeptBatch kept, double baseline, EstimatorContext context) {
        double loss = train(policy, kept, baseline, context);
        return new EstimatorStep(baseline, kept.quantile(), kept.size(), loss, kept.rows());
    }

    /** What an update on an empty batch reports (nothing is trained). */
    public static EstimatorStep nothingTrained() {
        return new EstimatorStep(Double.NaN, Double.NaN, 0, Double.NaN, new int[0]);
    }
}
