package io.dsr4j.programs.reward;

import io.dsr4j.api.reward.Metric;

/**
 * The reference's squared-error metrics (§7.4), all derived from the MSE on the training targets; var is the
 * population variance of those targets. Stateless and thread-safe.
 */
public final class ErrorMetric implements Metric {

    /** Which transformation of the MSE. */
    public enum Kind {
        NEG_MSE, NEG_RMSE, NEG_NMSE, NEG_NRMSE, NEGLOG_MSE, INV_MSE, INV_NMSE, INV_NRMSE;

        boolean normalised() {
            return this == NEG_NMSE || this == NEG_NRMSE || this == INV_NMSE || this == INV_NRMSE;
        }
    }

    private final Kind kind;
    private final double[] y;
    private final double[] weights;   // null: unweighted (the reference's metrics)
    private final double var;
    private final double p0;

    /** @param p0 the scale of the inv_* metrics (ignored by the others) */
    public ErrorMetric(Kind kind, double[] y, double p0) {
        this(kind, y, p0, null);
    }

    /**
     * @param weights one weight per row, or null: with weights the MSE and var are weighted
     *                ({@code Σ w (y - ŷ)² / Σ w}, var around the weighted mean)
     */
    public ErrorMetric(Kind kind, double[] y, double p0, double[] weights) {
        this.kind = kind;
        this.y = y.clone();
        this.weights = weights == null ? null : weights.clone();
        this.var = weights == null ? Stats.variance(y, y.length) : Stats.variance(y, this.weights);
        this.p0 = p0;
    }

    @Override
    public double reward(double[] yHat) {
        double mse = weights == null ? Stats.mse(y, yHat, y.length) : Stats.mse(y, yHat, weights);
        return switch (kind) {
            case NEG_MSE -> -mse;
            case NEG_RMSE -> -Math.sqrt(mse);
            case NEG_NMSE -> -mse / var;
            case NEG_NRMSE -> -Math.sqrt(mse / var);
            case NEGLOG_MSE -> -Math.log1p(mse);
            case INV_MSE -> 1 / (1 + p0 * mse);
            case INV_NMSE -> 1 / (1 + p0 * mse / var);
            case INV_NRMSE -> 1 / (1 + p0 * Math.sqrt(mse / var));
        };
    }

    @Override
    public double invalidReward() {
        return switch (kind) {
            case NEG_MSE -> -var;
            case NEG_RMSE -> -Math.sqrt(var);
            case NEG_NMSE, NEG_NRMSE -> -1;
            case NEGLOG_MSE -> -Math.log1p(var);
            case INV_MSE, INV_NMSE, INV_NRMSE -> 0;
        };
    }

    @Override
    public double maxReward() {
        return switch (kind) {
            case INV_MSE, INV_NMSE, INV_NRMSE -> 1;
            default -> 0;
        };
    }

    public Kind kind() { return kind; }
}
