package io.dsr4j.api.estimator;

import io.dsr4j.api.policy.SequenceBatch;

/**
 * The part of a sampled batch that an estimator trains on: the rows kept by the risk-seeking filter
 * ({@link RiskSeekingFilter}, R_ε = the (1 − ε) "higher" quantile), their rewards clipped to [−1e6, 1e6] (§6.1 step
 * 7) and their sequences. Immutable: the accessors return copies.
 */
public final class KeptBatch {

    /** Rewards are clipped to [−REWARD_BOUND, REWARD_BOUND] before they enter a loss. */
    public static final double REWARD_BOUND = 1e6;

    private final int[] rows;
    private final double quantile;
    private final double[] rewards;
    private final SequenceBatch sequences;

    private KeptBatch(int[] rows, double quantile, double[] rewards, SequenceBatch sequences) {
        this.rows = rows;
        this.quantile = quantile;
        this.rewards = rewards;
        this.sequences = sequences;
    }

    /** Keeps the samples with reward ≥ R_ε of the batch (ε in (0, 1]; 1 keeps everything). */
    public static KeptBatch of(TrainingSamples samples, double epsilon) {
        double[] all = samples.rewards();
        if (all.length != samples.sequences().size()) {
            throw new IllegalArgumentException(all.length + " rewards for " + samples.sequences().size() + " sequences");
        }
        RiskSeekingFilter.Kept kept = RiskSeekingFilter.apply(all, epsilon);
        int[] rows = kept.rows();
        double[] rewards = new double[rows.length];
        for (int i = 0; i < rows.length; i++) rewards[i] = clip(all[rows[i]]);
        // Everything kept (ε = 1, or all tied): train on the batch as sampled instead of copying it.
        SequenceBatch seqs = rows.length == all.length ? samples.sequences() : samples.sequences().select(rows);
        return new KeptBatch(rows, kept.quantile(), rewards, seqs);
    }

    /** Clips to [−1e6, 1e6]; NaN (treated as −∞ by the filter) becomes −1e6 so it cannot poison the gradient. */
    public static double clip(double r) {
        if (Double.isNaN(r)) return -REWARD_BOUND;
        return Math.max(-REWARD_BOUND, Math.min(REWARD_BOUND, r));
    }

    /** Number of kept samples. */
    public int size() { return rows.length; }

    /** Indices of the kept samples in the sampled batch, ascending. */
    public int[] rows() { return rows.clone(); }

    /** Index in the sampled batch of kept sample {@code i}. */
    public int row(int i) { return rows[i]; }

    /** R_ε before clipping (may be −∞, see {@link RiskSeekingFilter}). */
    public double quantile() { return quantile; }

    /** The kept samples' clipped rewards, aligned with {@link #rows()}. */
    public double[] rewards() { return rewards.clone(); }

    /** Clipped reward of kept sample {@code i}. */
    public double reward(int i) { return rewards[i]; }

    /** The kept samples' sequences, aligned with {@link #rows()}. */
    public SequenceBatch sequences() { return sequences; }

    /** R_ε on the clipped reward scale: the risk-seeking baseline. */
    public double clippedQuantile() { return clip(quantile); }

    public double meanReward() {
        double s = 0;
        for (double r : rewards) s += r;
        return s / rewards.length;
    }

    public double minReward() {
        double m = Double.POSITIVE_INFINITY;
        for (double r : rewards) m = Math.min(m, r);
        return m;
    }

    /** Position (into the kept arrays) of the first maximal reward, like numpy's argmax. */
    public int bestPosition() {
        int best = 0;
        for (int i = 1; i < rewards.length; i++) if (rewards[i] > rewards[best]) best = i;
        return best;
    }

    /** r_i − b for every kept sample: the advantages of a policy-gradient loss with baseline b. */
    public double[] advantages(double baseline) {
        double[] a = new double[rewards.length];
        for (int i = 0; i < a.length; i++) a[i] = rewards[i] - baseline;
        return a;
    }
}
