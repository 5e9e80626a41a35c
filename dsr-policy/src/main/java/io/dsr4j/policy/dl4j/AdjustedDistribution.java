package io.dsr4j.policy.dl4j;

/**
 * The categorical distribution of one step: network outputs, optionally mixed with the uniform distribution
 * ({@code action_prob_lowerbound}), plus the prior. Computed in double precision on the host so that forbidden
 * tokens (prior −∞) get probability exactly 0 and contribute exactly 0 to entropy and gradients — never NaN, which
 * is what graph-built losses (SameDiff M2.1) produced. One instance per thread; scratch arrays are reused.
 */
final class AdjustedDistribution {

    private final int size;
    private final double lowerBound;
    /** softmax of the raw outputs (only with a lower bound). */
    private final double[] net;
    /** mixed probabilities (1-lb)·net + lb/L (only with a lower bound). */
    private final double[] mixed;
    private final double[] logProb;
    private final double[] prob;
    /** exp(z − max z), the unnormalised probabilities. */
    private final double[] weight;
    private double weightSum;
    /** d loss / d adjusted logit (gradient scratch). */
    private final double[] dz;
    private double entropy;

    AdjustedDistribution(int size, double lowerBound) {
        this.size = size;
        this.lowerBound = lowerBound;
        net = new double[size];
        mixed = new double[size];
        logProb = new double[size];
        prob = new double[size];
        weight = new double[size];
        dz = new double[size];
    }

    /**
     * Sets the distribution from raw outputs {@code out[outOff + k·outStride]} and {@code prior[priorOff + k]}.
     *
     * @throws IllegalStateException when every token is forbidden (the environment rejects that while sampling, so
     *                               it means a corrupted batch)
     */
    void set(double[] out, int outOff, int outStride, float[] prior, int priorOff) {
        double max = Double.NEGATIVE_INFINITY;
        if (lowerBound > 0) {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) m = Math.max(m, out[outOff + k * outStride]);
            double sum = 0;
            for (int k = 0; k < size; k++) sum += net[k] = Math.exp(out[outOff + k * outStride] - m);
            double uniform = lowerBound / size;
            for (int k = 0; k < size; k++) {
                net[k] /= sum;
                mixed[k] = (1 - lowerBound) * net[k] + uniform;
                double z = Math.log(mixed[k]) + prior[priorOff + k];
                logProb[k] = z;
                if (z > max) max = z;
            }
        } else {
            for (int k = 0; k < size; k++) {
                double z = out[outOff + k * outStride] + prior[priorOff + k];
                logProb[k] = z;
                if (z > max) max = z;
            }
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            throw new IllegalStateException("every token is forbidden (or the network output is not finite) at this step");
        }
        double sum = 0;
        for (int k = 0; k < size; k++) {
            double z = logProb[k];
            double w = z == Double.NEGATIVE_INFINITY ? 0 : Math.exp(z - max);
            weight[k] = w;
            sum += w;
        }
        weightSum = sum;
        double logSum = Math.log(sum) + max;
        double h = 0;
        for (int k = 0; k < size; k++) {
            prob[k] = weight[k] / sum;
            if (prob[k] > 0) {
                logProb[k] -= logSum;
                h -= prob[k] * logProb[k];
            } else {
                logProb[k] = Double.NEGATIVE_INFINITY; // forbidden or underflowed: contributes exactly 0
            }
        }
        entropy = h;
    }

    /**
     * Inverse-CDF draw with {@code u} uniform in [0, 1) over the unnormalised weights exp(z − max z), exactly as the
     * {@code lstm} engine draws (same seed and weights give the same samples in both engines, up to rounding of the
     * logits); never returns a zero-probability token.
     */
    int sample(double u) {
        double target = u * weightSum, c = 0;
        int last = -1;
        for (int k = 0; k < size; k++) {
            double w = weight[k];
            if (w == 0) continue;
            c += w;
            last = k;
            if (target < c) break;
        }
        return last;
    }

    double logProb(int k) { return logProb[k]; }

    double prob(int k) { return prob[k]; }

    /** −Σ p log p over allowed tokens. */
    double entropy() { return entropy; }

    /**
     * d loss / d raw output for this step, where the loss depends on the step through
     * {@code wNeglogp · (−log p[action]) + wEntropy · H}; writes {@code grad[gradOff + k·gradStride]}.
     * Forbidden tokens have p = 0 and receive exactly 0 before the lower-bound chain rule.
     */
    void gradient(int action, double wNeglogp, double wEntropy, double[] grad, int gradOff, int gradStride) {
        // d/dz of −log p[a] is p − onehot(a); of H it is −p ⊙ (log p + H) (0 where p = 0).
        double[] g = dz;
        for (int k = 0; k < size; k++) {
            double p = prob[k];
            double gk = wNeglogp * (p - (k == action ? 1 : 0));
            if (p > 0 && wEntropy != 0) gk -= wEntropy * p * (logProb[k] + entropy);
            g[k] = gk;
        }
        if (lowerBound > 0) {
            // z = log((1-lb)·softmax(o) + lb/L) + prior: dz_j/do_k = (1-lb)·s_j(δ_jk − s_k)/q_j
            double dot = 0;
            for (int j = 0; j < size; j++) dot += g[j] * net[j] / mixed[j];
            for (int k = 0; k < size; k++) {
                grad[gradOff + k * gradStride] = (1 - lowerBound) * net[k] * (g[k] / mixed[k] - dot);
            }
        } else {
            for (int k = 0; k < size; k++) grad[gradOff + k * gradStride] = g[k];
        }
    }
}
