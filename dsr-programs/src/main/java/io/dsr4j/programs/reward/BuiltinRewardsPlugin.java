package io.dsr4j.programs.reward;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.reward.RewardFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.dsr4j.programs.reward.ErrorMetric.Kind;

/** Registers the reference's regression metrics (plugin kind "reward") under their {@code task.metric} names. */
public final class BuiltinRewardsPlugin implements DsrPlugin {

    @Override
    public String name() { return "builtin-rewards"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder<String, RewardFactory> rewards = PluginBinder.rewards(binder());
                factories().forEach((name, f) -> rewards.addBinding(name).toInstance(f));
            }
        };
    }

    /** The built-in reward factories by name (for use without Guice). */
    public static Map<String, RewardFactory> factories() {
        Map<String, RewardFactory> m = new LinkedHashMap<>();
        error(m, "neg_mse", Kind.NEG_MSE, 0, "-MSE (invalid: -var(y), max 0)");
        error(m, "neg_rmse", Kind.NEG_RMSE, 0, "-RMSE (invalid: -std(y), max 0)");
        error(m, "neg_nmse", Kind.NEG_NMSE, 0, "-MSE/var(y) (invalid -1, max 0)");
        error(m, "neg_nrmse", Kind.NEG_NRMSE, 0, "-sqrt(MSE/var(y)) (invalid -1, max 0)");
        error(m, "neglog_mse", Kind.NEGLOG_MSE, 0, "-log(1 + MSE) (invalid -log(1 + var(y)), max 0)");
        error(m, "inv_mse", Kind.INV_MSE, 1, "1/(1 + scale*MSE) (invalid 0, max 1)");
        error(m, "inv_nmse", Kind.INV_NMSE, 1, "1/(1 + scale*MSE/var(y)) (invalid 0, max 1)");
        error(m, "inv_nrmse", Kind.INV_NRMSE, 1, "1/(1 + scale*NRMSE), the default (invalid 0, max 1)");
        m.put("fraction", new BuiltinRewardFactory("fraction", List.of("relative", "absolute"),
                "fraction of rows with |y - yhat| < relative*|y| + absolute (invalid 0, max 1)", true, (y, p, w) -> {
                    if (p[0] < 0 || p[1] < 0 || (p[0] == 0 && p[1] == 0)) {
                        throw new ConfigException("task.metric_params: metric 'fraction' needs relative >= 0 and "
                                + "absolute >= 0, not both 0; got [" + p[0] + ", " + p[1] + "]");
                    }
                    return new FractionMetric(y, p[0], p[1], w);
                }));
        m.put("pearson", new BuiltinRewardFactory("pearson", List.of(), "Pearson correlation (invalid 0, max 1)", false,
                (y, p, w) -> {
                    BuiltinRewardFactory.requireVariance("pearson", y);
                    return new CorrelationMetric(y, false);
                }));
        m.put("spearman", new BuiltinRewardFactory("spearman", List.of(), "Spearman rank correlation (invalid 0, max 1)",
                false, (y, p, w) -> {
                    BuiltinRewardFactory.requireVariance("spearman", y);
                    return new CorrelationMetric(y, true);
                }));
        return m;
    }

    private static void error(Map<String, RewardFactory> m, String name, Kind kind, int params, String description) {
        List<String> names = params == 1 ? List.of("scale") : List.of();
        m.put(name, new BuiltinRewardFactory(name, names, description, true, (y, p, w) -> {
            if (kind.normalised()) BuiltinRewardFactory.requireVariance(name, y);
            if (kind.normalised() && w != null && !(Stats.variance(y, w) > 0)) {
                throw new ConfigException("task.sample_weights: metric '" + name + "' needs targets that vary among "
                        + "the rows with weight > 0 (weighted variance 0)");
            }
            if (params == 1) BuiltinRewardFactory.requirePositive(name, p[0]);
            return new ErrorMetric(kind, y, params == 1 ? p[0] : 1.0, w);
        }));
    }
}
