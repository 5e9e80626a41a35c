package io.dsr4j.examples.sinc;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.ProgramInfo;
import io.dsr4j.api.reward.RewardFactory;

import java.util.List;

/**
 * Reward {@code inv_nrmse_penalised}: 1 / (1 + NRMSE) − λ · complexity, with {@code task.metric_params: [λ]} or
 * {@code {lambda: λ}}. It sees the program (its token complexity), which a plain metric of the predictions cannot,
 * and weighs the training rows when {@code task.sample_weights} is set.
 */
public final class ComplexityPenalisedReward implements Metric {

    public static final String NAME = "inv_nrmse_penalised";

    private final double[] y;
    private final double[] w;          // the rows' weights (all 1 without task.sample_weights)
    private final double std;
    private final double lambda;

    ComplexityPenalisedReward(double[] y, double[] weights, double lambda) {
        this.y = y.clone();
        this.w = weights != null ? weights.clone() : ones(y.length);
        double sw = 0, mean = 0, var = 0;
        for (int i = 0; i < y.length; i++) sw += w[i];
        for (int i = 0; i < y.length; i++) mean += w[i] * y[i] / sw;
        for (int i = 0; i < y.length; i++) var += w[i] * (y[i] - mean) * (y[i] - mean) / sw;
        this.std = Math.sqrt(var);
        this.lambda = lambda;
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    @Override
    public double reward(double[] yHat) {
        double se = 0, sw = 0;
        for (int i = 0; i < y.length; i++) {
            se += w[i] * (y[i] - yHat[i]) * (y[i] - yHat[i]);
            sw += w[i];
        }
        return 1 / (1 + Math.sqrt(se / sw) / std);
    }

    @Override
    public double reward(double[] yHat, ProgramInfo program) {
        return reward(yHat) - lambda * program.complexity();
    }

    @Override
    public double invalidReward() { return -lambda * 1e3; }

    @Override
    public double maxReward() { return 1; }

    public static final class Factory implements RewardFactory {
        @Override
        public int parameterCount() { return 1; }

        @Override
        public List<String> parameterNames() { return List.of("lambda"); }

        @Override
        public boolean supportsSampleWeights() { return true; }

        @Override
        public Metric create(double[] yTrain, double[] params) { return create(yTrain, params, null); }

        @Override
        public Metric create(double[] yTrain, double[] params, double[] weights) {
            if (!(params[0] >= 0)) throw new ConfigException("task.metric_params: lambda must be >= 0, got " + params[0]);
            return new ComplexityPenalisedReward(yTrain, weights, params[0]);
        }

        @Override
        public String description() { return "1/(1 + NRMSE) - lambda * token complexity; metric_params: {lambda: 0.01}"; }
    }
}
