package io.dsr4j.programs.reward;

import io.dsr4j.api.reward.Metric;

/** Fraction of rows with |y - yhat| &lt; p0*|y| + p1 (strict). Invalid 0, max 1. */
public final class FractionMetric implements Metric {

    private final double[] y;
    private final double p0;
    private final double p1;
    private final double[] weights;   // null: every row counts 1

    public FractionMetric(double[] y, double p0, double p1) {
        this(y, p0, p1, null);
    }

    /** @param weights one weight per row, or null: with weights the reward is the weighted share of rows within tolerance */
    public FractionMetric(double[] y, double p0, double p1, double[] weights) {
        this.y = y.clone();
        this.p0 = p0;
        this.p1 = p1;
        this.weights = weights == null ? null : weights.clone();
    }

    @Override
    public double reward(double[] yHat) {
        if (weights != null) return weightedReward(yHat);
        int n = y.length, hits = 0;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            if (Math.abs(yi - yHat[i]) < p0 * Math.abs(yi) + p1) hits++;
        }
        return (double) hits / n;
    }

    private double weightedReward(double[] yHat) {
        double hits = 0, total = 0;
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            if (Math.abs(yi - yHat[i]) < p0 * Math.abs(yi) + p1) hits += weights[i];
            total += weights[i];
        }
        return hits / total;
    }

    @Override public double invalidReward() { return 0; }

    @Override public double maxReward() { return 1; }
}
