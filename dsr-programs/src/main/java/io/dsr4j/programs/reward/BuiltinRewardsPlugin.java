package io.dsr4j.programs.reward;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.reward.RewardFactory;

import java.util.LinkedHashMap;
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
        error(m, "inv_mse", Kind.INV_MSE, 1, "1/(1 + p0*MSE) (invalid 0, max 1)");
        error(m, "inv_nmse", Kind.INV_NMSE, 1, "1/(1 + p0*MSE/var(y)) (invalid 0, max 1)");
        error(m, "inv_nrmse", Kind.INV_NRMSE, 1, "1/(1 + p0*NRMSE), the default (invalid 0, max 1)");
        m.put("fraction", new BuiltinRewardFactory("fraction", 2,
                "fraction of rows with |y - yhat| < p0*|y| + p1 (invalid 0, max 1)", (y, p) -> {
                    if (p[0] < 0 || p[1] < 0 || (p[0] == 0 && p[1] == 0)) {
                        throw new ConfigException("task.metric_params: metric 'fraction' needs p0 >= 0 and p1 >= 0, not both 0; got ["
                                + p[0] + ", " + p[1] + "]");
                    }
                    return new FractionMetric(y, p[0], p[1]);
                }));
        m.put("pearson", new BuiltinRewardFactory("pearson", 0, "Pearson correlation (invalid 0, max 1)", (y, p) -> {
            BuiltinRewardFactory.requireVariance("pearson", y);
            return new CorrelationMetric(y, false);
        }));
        m.put("spearman", new BuiltinRewardFactory("spearman", 0, "Spearman rank correlation (invalid 0, max 1)", (y, p) -> {
            BuiltinRewardFactory.requireVariance("spearman", y);
            return new CorrelationMetric(y, true);
        }));
        return m;
    }

    private static void error(Map<String, RewardFactory> m, String name, Kind kind, int params, String description) {
        m.put(name, new BuiltinRewardFactory(name, params, description, (y, p) -> {
            if (kind.normalised()) BuiltinRewardFactory.requireVariance(name, y);
            if (params == 1) BuiltinRewardFactory.requirePositive(name, p[0]);
            return new ErrorMetric(kind, y, params == 1 ? p[0] : 1.0);
        }));
    }
}
