package io.dsr4j.programs.reward;

import io.dsr4j.api.reward.Metric;

/**
 * Pearson r or Spearman rho between the targets and the predictions (invalid 0, max 1). The reference's versions
 * fail with a NameError (scipy is not imported); these work. A constant prediction has no correlation: it gets the
 * invalid reward 0 instead of NaN. Spearman allocates its rank arrays per call (it is rarely used).
 */
public final class CorrelationMetric implements Metric {

    private final boolean rank;
    private final double[] y;

    public CorrelationMetric(double[] y, boolean spearman) {
        this.rank = spearman;
        this.y = spearman ? Stats.ranks(y, y.length) : y.clone();
    }

    @Override
    public double reward(double[] yHat) {
        int n = y.length;
        double r = rank ? Stats.pearson(y, Stats.ranks(yHat, n), n) : Stats.pearson(y, yHat, n);
        return Double.isNaN(r) ? 0 : r;
    }

    @Override public double invalidReward() { return 0; }

    @Override public double maxReward() { return 1; }
}
