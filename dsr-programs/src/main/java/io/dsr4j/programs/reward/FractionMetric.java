package io.dsr4j.programs.reward;

import io.dsr4j.api.reward.Metric;

/** Fraction of rows with |y - yhat| &lt; p0*|y| + p1 (strict). Invalid 0, max 1. */
public final class FractionMetric implements Metric {

    private final double[] y;
    private final double p0;
    private final double p1;

    public FractionMetric(double[] y, double p0, double p1) {
        this.y = y.clone();
        this.p0 = p0;
        this.p1 = p1;
    }

    @Override
    public double reward(double[] yHat) {
        int n = y.length, hits = 0;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            if (Math.abs(yi - yHat[i]) < p0 * Math.abs(yi) + p1) hits++;
        }
        return (double) hits / n;
    }

    @Override public double invalidReward() { return 0; }

    @Override public double maxReward() { return 1; }
}
