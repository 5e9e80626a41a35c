package io.dsr4j.train.estimator;

import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.SequenceBatch;

/**
 * The part of a sampled batch that an estimator trains on: the rows kept by the risk-seeking filter, their rewards
 * clipped to [−1e6, 1e6] (§6.1 step 7) and their sequences.
 */
final class KeptBatch {

    static final double REWARD_BOUND = 1e6;

    /** Indices into the sampled batch, ascending. */
    final int[] rows;
    /** R_ε before clipping (may be −∞, see {@link RiskSeekingFilter}). */
    final double quantile;
    /** Clipped rewards aligned with {@link #rows}. */
    final double[] rewards;
    /** The kept rows' sequences, aligned with {@link #rows}. */
    final SequenceBatch sequences;

    private KeptBatch(int[] rows, double quantile, double[] rewards, SequenceBatch sequences) {
        this.rows = rows;
        this.quantile = quantile;
        this.rewards = rewards;
        this.sequences = sequences;
    }

    static KeptBatch of(TrainingSamples samples, double epsilon) {
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
    static double clip(double r) {
        if (Double.isNaN(r)) return -REWARD_BOUND;
        return Math.max(-REWARD_BOUND, Math.min(REWARD_BOUND, r));
    }

    int size() { return rows.length; }

    /** R_ε on the clipped reward scale, as a baseline. */
    double clippedQuantile() { return clip(quantile); }

    double meanReward() {
        double s = 0;
        for (double r : rewards) s += r;
        return s / rewards.length;
    }

    double minReward() {
        double m = Double.POSITIVE_INFINITY;
        for (double r : rewards) m = Math.min(m, r);
        return m;
    }

    /** Position (into the kept arrays) of the first maximal reward, like numpy's argmax. */
    int bestPosition() {
        int best = 0;
        for (int i = 1; i < rewards.length; i++) if (rewards[i] > rewards[best]) best = i;
        return best;
    }

    /** r_i − b for every kept sample. */
    double[] advantages(double baseline) {
        double[] a = new double[rewards.length];
        for (int i = 0; i < a.length; i++) a[i] = rewards[i] - baseline;
        return a;
    }
}
