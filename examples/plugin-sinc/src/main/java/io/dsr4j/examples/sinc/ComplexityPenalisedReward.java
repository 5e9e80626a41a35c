package io.dsr4j.examples.sinc;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.ProgramInfo;
import io.dsr4j.api.reward.RewardFactory;

/**
 * Reward {@code inv_nrmse_penalised}: 1 / (1 + NRMSE) − λ · complexity, with {@code task.metric_params: [λ]}.
 * It sees the program (its token complexity), which a plain metric of the predictions cannot.
 */
public final class ComplexityPenalisedReward implements Metric {

    public static final String NAME = "inv_nrmse_penalised";

    private final double[] y;
    private final double std;
    private final double lambda;

    ComplexityPenalisedReward(double[] y, double lambda) {
        this.y = y.clone();
        double mean = 0, var = 0;
        for (double v : y) mean += v / y.length;
        for (double v : y) var += (v - mean) * (v - mean) / y.length;
        this.std = Math.sqrt(var);
        this.lambda = lambda;
    }

    @Override
    public double reward(double[] yHat) {
        double se = 0;
        for (int i = 0; i < y.length; i++) se += (y[i] - yHat[i]) * (y[i] - yHat[i]);
        return 1 / (1 + Math.sqrt(se / y.length) / std);
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
        public Metric create(double[] yTrain, double[] params) {
            if (!(params[0] >= 0)) throw new ConfigException("task.metric_params: λ must be ≥ 0, got " + params[0]);
            return new ComplexityPenalisedReward(yTrain, params[0]);
        }

        @Override
        public String description() { return "1/(1 + NRMSE) - lambda * token complexity; metric_params: [lambda]"; }
    }
}
