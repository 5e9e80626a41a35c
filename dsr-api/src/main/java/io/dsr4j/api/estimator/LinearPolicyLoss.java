package io.dsr4j.api.estimator;

import io.dsr4j.api.policy.PolicyLoss;

/**
 * A loss linear in the per-sample quantities: {@code L = Σ_i c_i·neglogp_i + Σ_i d_i·entropy_i}. Policy gradient
 * (c_i = (r_i − b)/n, d_i = −w/n) and PQT (plus c_j = weight/m on queue rows) are both of this form. Terms with a
 * zero coefficient are skipped, so an infinite neglogp on a row that only contributes entropy cannot turn the loss
 * into NaN.
 */
public final class LinearPolicyLoss implements PolicyLoss {

    private final double[] neglogpCoefficients;
    private final double[] entropyCoefficients;
    private final double entropyGamma;

    public LinearPolicyLoss(double[] neglogpCoefficients, double[] entropyCoefficients, double entropyGamma) {
        if (neglogpCoefficients.length != entropyCoefficients.length) {
            throw new IllegalArgumentException("coefficient arrays differ in length");
        }
        this.neglogpCoefficients = neglogpCoefficients;
        this.entropyCoefficients = entropyCoefficients;
        this.entropyGamma = entropyGamma;
    }

    /** {@code mean_i(a_i·neglogp_i) − w·mean_i(entropy_i)}: the pg loss of §6.2 with advantages a. */
    public static LinearPolicyLoss policyGradient(double[] advantages, double entropyWeight, double entropyGamma) {
        int n = advantages.length;
        double[] c = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = advantages[i] / n;
            d[i] = -entropyWeight / n;
        }
        return new LinearPolicyLoss(c, d, entropyGamma);
    }

    public int size() { return neglogpCoefficients.length; }

    public double neglogpCoefficient(int i) { return neglogpCoefficients[i]; }

    public double entropyCoefficient(int i) { return entropyCoefficients[i]; }

    @Override
    public double entropyGamma() { return entropyGamma; }

    @Override
    public double evaluate(double[] neglogp, double[] entropy, double[] gradNeglogp, double[] gradEntropy) {
        int n = neglogpCoefficients.length;
        if (neglogp.length != n || entropy.length != n) {
            throw new IllegalArgumentException("loss over " + n + " samples evaluated on " + neglogp.length);
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double c = neglogpCoefficients[i];
            double d = entropyCoefficients[i];
            if (c != 0) loss += c * neglogp[i];
            if (d != 0) loss += d * entropy[i];
            gradNeglogp[i] = c;
            gradEntropy[i] = d;
        }
        return loss;
    }
}
