package io.dsr4j.programs.reward;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.RewardFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    static final Map<String, RewardFactory> F = BuiltinRewardsPlugin.factories();
    static final double[] Y = {1, 2, 3, 4};          // var = 1.25
    static final double[] Y_HAT = {1, 2, 3, 6};      // mse = 1

    static Metric m(String name, double... params) {
        return F.get(name).create(Y, params);
    }

    @Test
    void errorMetricsOnAHandComputedCase() {
        assertEquals(-1.0, m("neg_mse").reward(Y_HAT), 1e-15);
        assertEquals(-1.0, m("neg_rmse").reward(Y_HAT), 1e-15);
        assertEquals(-0.8, m("neg_nmse").reward(Y_HAT), 1e-15);
        assertEquals(-Math.sqrt(0.8), m("neg_nrmse").reward(Y_HAT), 1e-15);
        assertEquals(-Math.log(2), m("neglog_mse").reward(Y_HAT), 1e-15);
        assertEquals(1.0 / 3, m("inv_mse", 2).reward(Y_HAT), 1e-15);
        assertEquals(1 / 1.8, m("inv_nmse", 1).reward(Y_HAT), 1e-15);
        assertEquals(1 / (1 + Math.sqrt(0.8)), m("inv_nrmse", 1).reward(Y_HAT), 1e-15);
        assertEquals(1 / (1 + 0.5 * Math.sqrt(0.8)), m("inv_nrmse", 0.5).reward(Y_HAT), 1e-15);
        for (String n : new String[] {"neg_mse", "neg_rmse", "neg_nmse", "neg_nrmse", "neglog_mse"}) {
            assertEquals(0.0, m(n).reward(Y), 0.0, n);
            assertEquals(0.0, m(n).maxReward(), n);
        }
        for (String n : new String[] {"inv_mse", "inv_nmse", "inv_nrmse"}) {
            assertEquals(1.0, m(n, 1).reward(Y), 0.0, n);
            assertEquals(1.0, m(n, 1).maxReward(), n);
            assertEquals(0.0, m(n, 1).invalidReward(), n);
        }
    }

    @Test
    void invalidRewardsUsePopulationVariance() {
        assertEquals(-1.25, m("neg_mse").invalidReward(), 1e-15);
        assertEquals(-Math.sqrt(1.25), m("neg_rmse").invalidReward(), 1e-15);
        assertEquals(-1.0, m("neg_nmse").invalidReward());
        assertEquals(-1.0, m("neg_nrmse").invalidReward());
        assertEquals(-Math.log(2.25), m("neglog_mse").invalidReward(), 1e-15);
        assertEquals(0.0, m("fraction", 0.1, 0.5).invalidReward());
        assertEquals(0.0, m("pearson").invalidReward());
        assertEquals(0.0, m("spearman").invalidReward());
    }

    @Test
    void fractionCountsStrictlyWithinTolerance() {
        assertEquals(0.75, m("fraction", 0.1, 0.5).reward(Y_HAT), 0.0);
        Metric exact = F.get("fraction").create(new double[] {10, 10}, new double[] {0.1, 0});
        assertEquals(0.0, exact.reward(new double[] {11, 9}), 0.0); // |err| = 1 is not < 1
        assertEquals(1.0, exact.reward(new double[] {10.5, 9.5}), 0.0);
        assertEquals(1.0, m("fraction", 0.1, 0.5).maxReward());
    }

    @Test
    void correlations() {
        assertEquals(1.0, m("pearson").reward(new double[] {2, 4, 6, 8}), 1e-15);
        assertEquals(-1.0, m("pearson").reward(new double[] {8, 6, 4, 2}), 1e-15);
        assertEquals(0.8, m("pearson").reward(new double[] {1, 3, 2, 4}), 1e-15);
        assertEquals(0.8, m("spearman").reward(new double[] {1, 3, 2, 4}), 1e-15);
        double p = m("pearson").reward(new double[] {1, 8, 27, 64});
        assertTrue(p < 0.99, "pearson of a cubic " + p);
        assertEquals(1.0, m("spearman").reward(new double[] {1, 8, 27, 64}), 1e-15);
        assertEquals(0.0, m("pearson").reward(new double[] {5, 5, 5, 5}));
        assertEquals(0.0, m("spearman").reward(new double[] {5, 5, 5, 5}));
        // scipy.stats.spearmanr([1,2,3,4], [1,2,2,3]) = 0.9486832980505138
        assertEquals(0.9486832980505138, m("spearman").reward(new double[] {1, 2, 2, 3}), 1e-15);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4, 5}, Stats.ranks(new double[] {-7, 0.0, -0.0, 3, 9}, 5));
    }

    @Test
    void parameterCountMustMatch() {
        ConfigException e = assertThrows(ConfigException.class, () -> m("neg_mse", 1.0));
        assertTrue(e.getMessage().contains("task.metric_params") && e.getMessage().contains("takes 0"), e.getMessage());
        assertThrows(ConfigException.class, () -> m("inv_nrmse"));
        assertThrows(ConfigException.class, () -> m("fraction", 1));
        assertThrows(ConfigException.class, () -> m("inv_nrmse", -1));
        assertThrows(ConfigException.class, () -> m("fraction", 0, 0));
        assertEquals(1, F.get("inv_nrmse").parameterCount());
        assertEquals(2, F.get("fraction").parameterCount());
        assertEquals(0, F.get("spearman").parameterCount());
    }

    @Test
    void constantTargetsAreRejectedWhereTheMetricNormalises() {
        double[] flat = {2, 2, 2};
        assertThrows(ConfigException.class, () -> F.get("inv_nrmse").create(flat, new double[] {1}));
        assertThrows(ConfigException.class, () -> F.get("pearson").create(flat, new double[0]));
        assertEquals(-1.0, F.get("neg_mse").create(flat, new double[0]).reward(new double[] {3, 3, 3}));
    }

    @Test
    void registeredThroughServiceLoaderAndGuice() {
        DsrPlugin plugin = ServiceLoader.load(DsrPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof BuiltinRewardsPlugin).findFirst().orElseThrow();
        Map<String, RewardFactory> map = Guice.createInjector(plugin.module())
                .getInstance(Key.get(new TypeLiteral<Map<String, RewardFactory>>() { }));
        assertEquals(java.util.Set.of("neg_mse", "neg_rmse", "neg_nmse", "neg_nrmse", "neglog_mse", "inv_mse", "inv_nmse",
                "inv_nrmse", "fraction", "pearson", "spearman"), map.keySet());
    }

    @Test
    void parametersHaveNames() {
        assertEquals(java.util.List.of("scale"), F.get("inv_nrmse").parameterNames());
        assertEquals(java.util.List.of("relative", "absolute"), F.get("fraction").parameterNames());
        assertEquals(java.util.List.of(), F.get("neg_mse").parameterNames());
    }

    @Test
    void unitWeightsGiveExactlyTheUnweightedRewards() {
        double[] ones = {1, 1, 1, 1};
        for (String name : F.keySet()) {
            RewardFactory f = F.get(name);
            if (!f.supportsSampleWeights()) continue;
            double[] p = name.equals("fraction") ? new double[] {0.1, 0.5} : new double[f.parameterCount()];
            if (f.parameterCount() == 1) p[0] = 1.5;
            Metric plain = f.create(Y, p), weighted = f.create(Y, p, ones);
            assertEquals(plain.reward(Y_HAT), weighted.reward(Y_HAT), 0.0, name);
            assertEquals(plain.invalidReward(), weighted.invalidReward(), 0.0, name);
        }
    }

    @Test
    void aWeightOfTwoCountsARowTwice() {
        double[] y2 = {1, 2, 3, 4, 4}, yHat2 = {1, 2, 3, 6, 6};
        double[] w = {1, 1, 1, 2};
        for (String name : new String[] {"neg_mse", "neg_nmse", "inv_nrmse", "neglog_mse"}) {
            double[] p = F.get(name).parameterCount() == 1 ? new double[] {1} : new double[0];
            assertEquals(F.get(name).create(y2, p).reward(yHat2), F.get(name).create(Y, p, w).reward(Y_HAT), 1e-12, name);
            assertEquals(F.get(name).create(y2, p).invalidReward(), F.get(name).create(Y, p, w).invalidReward(), 1e-12, name);
        }
        assertEquals(F.get("fraction").create(y2, new double[] {0, 0.5}).reward(yHat2),
                F.get("fraction").create(Y, new double[] {0, 0.5}, w).reward(Y_HAT), 1e-12);
    }

    @Test
    void metricsWithoutWeightsSaySo() {
        assertTrue(!F.get("pearson").supportsSampleWeights() && !F.get("spearman").supportsSampleWeights());
        assertThrows(ConfigException.class, () -> F.get("pearson").create(Y, new double[0], new double[] {1, 1, 1, 1}));
        ConfigException e = assertThrows(ConfigException.class,
                () -> F.get("neg_nmse").create(Y, new double[0], new double[] {0, 0, 1, 0}));
        assertTrue(e.getMessage().contains("task.sample_weights"), e.getMessage());
    }
}
