package io.dsr4j.train.estimator;

import io.dsr4j.api.policy.PolicyLoss;

/**
 * PPO's clipped surrogate over one minibatch:
 * {@code L = −mean_i min(ρ_i·A_i, clip(ρ_i, 1−c, 1+c)·A_i) − w·mean_i(entropy_i)} with
 * {@code ρ_i = exp(oldNeglogp_i − neglogp_i)}. dL/dneglogp_i = ρ_i·A_i/m where the unclipped term is the minimum and
 * 0 where the clipped (constant) term is. The reference computes {@code A·min(ρ, clip(ρ))}, which equals this only
 * for A ≥ 0 (always true with the R_e baseline); for A < 0 it would clip the wrong side, so the standard form is used.
 */
public final class ClippedSurrogateLoss implements PolicyLoss {

    private final double[] advantages;
    private final double[] oldNeglogp;
    private final double clipRatio;
    private final double entropyWeight;
    private final double entropyGamma;

    public ClippedSurrogateLoss(double[] advantages, double[] oldNeglogp, double clipRatio, double entropyWeight,
                                double entropyGamma) {
        if (advantages.length != oldNeglogp.length) throw new IllegalArgumentException("array lengths differ");
        this.advantages = advantages;
        this.oldNeglogp = oldNeglogp;
        this.clipRatio = clipRatio;
        this.entropyWeight = entropyWeight;
        this.entropyGamma = entropyGamma;
    }

    @Override
    public double entropyGamma() { return entropyGamma; }

    @Override
    public double evaluate(double[] neglogp, double[] entropy, double[] gradNeglogp, double[] gradEntropy) {
        int m = advantages.length;
        if (neglogp.length != m || entropy.length != m) {
            throw new IllegalArgumentException("loss over " + m + " samples evaluated on " + neglogp.length);
        }
        double surrogate = 0, entropySum = 0;
        for (int i = 0; i < m; i++) {
            double a = advantages[i];
            double ratio = Math.exp(oldNeglogp[i] - neglogp[i]);
            double clipped = Math.max(1 - clipRatio, Math.min(1 + clipRatio, ratio));
            double unclippedTerm = ratio * a;
            double clippedTerm = clipped * a;
            if (unclippedTerm <= clippedTerm) {
                // d(−ρA/m)/dneglogp = ρA/m since dρ/dneglogp = −ρ
                surrogate += unclippedTerm;
                gradNeglogp[i] = unclippedTerm / m;
            } else {
                surrogate += clippedTerm;
                gradNeglogp[i] = 0;
            }
            entropySum += entropy[i];
            gradEntropy[i] = -entropyWeight / m;
        }
        return -surrogate / m - entropyWeight * entropySum / m;
    }
}
