package io.dsr4j.programs.reward;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.RewardFactory;

import java.util.Arrays;
import java.util.List;

/**
 * Factory of one built-in regression metric: its named parameters, whether it weighs rows, and the checks of the
 * parameter values like a config key.
 */
public final class BuiltinRewardFactory implements RewardFactory {

    private final String name;
    private final List<String> parameterNames;
    private final String description;
    private final boolean weighted;
    private final Creator creator;

    /** Builds the metric from validated parameters and the sample weights (null: none). */
    @FunctionalInterface
    interface Creator {
        Metric create(double[] y, double[] params, double[] weights);
    }

    BuiltinRewardFactory(String name, List<String> parameterNames, String description, boolean weighted, Creator creator) {
        this.name = name;
        this.parameterNames = List.copyOf(parameterNames);
        this.description = description;
        this.weighted = weighted;
        this.creator = creator;
    }

    @Override
    public int parameterCount() { return parameterNames.size(); }

    @Override
    public List<String> parameterNames() { return parameterNames; }

    @Override
    public String description() { return description; }

    @Override
    public boolean supportsSampleWeights() { return weighted; }

    @Override
    public Metric create(double[] yTrain, double[] params) {
        return create(yTrain, params, null);
    }

    @Override
    public Metric create(double[] yTrain, double[] params, double[] weights) {
        int parameterCount = parameterNames.size();
        double[] p = params == null ? new double[0] : params;
        if (p.length != parameterCount) {
            throw new ConfigException("task.metric_params: metric '" + name + "' takes " + parameterCount
                    + " parameter" + (parameterCount == 1 ? "" : "s") + " but " + p.length + " were given "
                    + Arrays.toString(p) + "; set task.metric_params to "
                    + (parameterCount == 0 ? "[]" : "a list of " + parameterCount + " number" + (parameterCount == 1 ? "" : "s")
                    + " or a mapping of " + String.join(", ", parameterNames))
                    + " (the default [1.0] suits inv_nrmse, inv_nmse and inv_mse)");
        }
        for (double v : p) {
            if (!Double.isFinite(v)) throw new ConfigException("task.metric_params: metric '" + name + "' needs finite parameters, got " + Arrays.toString(p));
        }
        if (yTrain.length == 0) throw new ConfigException("task.metric: the training set is empty");
        if (weights != null && !weighted) {
            throw new ConfigException("task.sample_weights: metric '" + name + "' does not support sample weights");
        }
        if (weights != null && weights.length != yTrain.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + yTrain.length + " training rows");
        }
        return creator.create(yTrain, p, weights);
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
