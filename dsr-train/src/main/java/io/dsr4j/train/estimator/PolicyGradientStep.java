package io.dsr4j.train.estimator;

import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.policy.Policy;

/** The single pg optimiser step shared by the risk-seeking and vanilla estimators. */
final class PolicyGradientStep {

    private PolicyGradientStep() { }

    /** One trainStep on the kept batch with loss mean((r − b)·neglogp) − w·mean(entropy); returns the loss. */
    static double train(Policy policy, KeptBatch kept, double baseline, EstimatorContext context) {
        LinearPolicyLoss loss = LinearPolicyLoss.policyGradient(kept.advantages(baseline), context.entropyWeight(),
                context.entropyGamma());
        return policy.trainStep(kept.sequences, loss);
    }

    /** What an update on an empty batch reports (nothing is trained). */
    static EstimatorStep nothingTrained() {
        return new EstimatorStep(Double.NaN, Double.NaN, 0, Double.NaN, new int[0]);
    }
}
