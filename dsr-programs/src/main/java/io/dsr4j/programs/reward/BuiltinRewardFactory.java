package io.dsr4j.programs.reward;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.RewardFactory;

import java.util.Arrays;

/** Factory of one built-in regression metric; checks the parameter count and values like a config key. */
public final class BuiltinRewardFactory implements RewardFactory {

    private final String name;
    private final int parameterCount;
    private final String description;
    private final Creator creator;

    /** Builds the metric from validated parameters. */
    @FunctionalInterface
    interface Creator {
        Metric create(double[] y, double[] params);
    }

    BuiltinRewardFactory(String name, int parameterCount, String description, Creator creator) {
        this.name = name;
        this.parameterCount = parameterCount;
        this.description = description;
        this.creator = creator;
    }

    @Override
    public int parameterCount() { return parameterCount; }

    @Override
    public String description() { return description; }

    @Override
    public Metric create(double[] yTrain, double[] params) {
        double[] p = params == null ? new double[0] : params;
        if (p.length != parameterCount) {
            throw new ConfigException("task.metric_params: metric '" + name + "' takes " + parameterCount
                    + " parameter" + (parameterCount == 1 ? "" : "s") + " but " + p.length + " were given "
                    + Arrays.toString(p) + "; set task.metric_params to "
                    + (parameterCount == 0 ? "[]" : "a list of " + parameterCount + " number" + (parameterCount == 1 ? "" : "s"))
                    + " (the default [1.0] suits inv_nrmse, inv_nmse and inv_mse)");
        }
        for (double v : p) {
            if (!Double.isFinite(v)) throw new ConfigException("task.metric_params: metric '" + name + "' needs finite parameters, got " + Arrays.toString(p));
        }
        if (yTrain.length == 0) throw new ConfigException("task.metric: the training set is empty");
        return creator.create(yTrain, p);
    }

    String name() { return name; }

    static void requireVariance(String name, double[] y) {
        if (Stats.variance(y, y.length) == 0) {
            throw new ConfigException("task.metric: metric '" + name + "' needs targets that vary, but every training "
                    + "target equals " + y[0] + " (variance 0); use neg_mse, neg_rmse, neglog_mse or inv_mse");
        }
    }

    static void requirePositive(String name, double p0) {
        if (!(p0 > 0)) {
            throw new ConfigException("task.metric_params: metric '" + name + "' needs a positive scale, got " + p0);
        }
    }
}
