package io.dsr4j.api.policy;

/**
 * A loss over per-sample policy quantities, supplied by a gradient estimator. The policy computes, for every
 * sample i of the training batch, {@code neglogp[i] = -Σ_t log π(a_t | ...)} of the prior-adjusted distribution and
 * {@code entropy[i] = Σ_t γ^t H_t}; the loss returns its value and its derivatives with respect to both, which the
 * policy back-propagates. This covers PG, PQT and PPO without the policy knowing which.
 */
public interface PolicyLoss {

    /** γ of the discounted entropy. */
    double entropyGamma();

    /**
     * @param gradNeglogp out: d loss / d neglogp[i]
     * @param gradEntropy out: d loss / d entropy[i]
     * @return the loss value
     */
    double evaluate(double[] neglogp, double[] entropy, double[] gradNeglogp, double[] gradEntropy);
}
