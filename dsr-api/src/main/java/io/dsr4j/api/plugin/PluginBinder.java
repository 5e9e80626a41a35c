package io.dsr4j.api.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import io.dsr4j.api.augment.BatchAugmenterFactory;
import io.dsr4j.api.constfit.ConstantOptimizerFactory;
import io.dsr4j.api.data.DatasetProvider;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.gp.GpOperatorFactory;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.reward.ComplexityMeasure;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.token.TokenFactory;

/**
 * Registration helpers for plugin modules, e.g.
 * <pre>{@code PluginBinder.tokens(binder()).addBinding("sinc").toInstance(new SincFactory());}</pre>
 * Each call returns the one shared MapBinder of that kind, so every plugin contributes to the same maps.
 */
public final class PluginBinder {

    private PluginBinder() { }

    public static MapBinder<String, TokenFactory> tokens(Binder b) {
        return MapBinder.newMapBinder(b, String.class, TokenFactory.class);
    }

    public static MapBinder<String, PriorFactory> priors(Binder b) {
        return MapBinder.newMapBinder(b, String.class, PriorFactory.class);
    }

    public static MapBinder<String, RewardFactory> rewards(Binder b) {
        return MapBinder.newMapBinder(b, String.class, RewardFactory.class);
    }

    public static MapBinder<String, EstimatorFactory> estimators(Binder b) {
        return MapBinder.newMapBinder(b, String.class, EstimatorFactory.class);
    }

    public static MapBinder<String, PolicyFactory> policies(Binder b) {
        return MapBinder.newMapBinder(b, String.class, PolicyFactory.class);
    }

    public static MapBinder<String, ConstantOptimizerFactory> constantOptimizers(Binder b) {
        return MapBinder.newMapBinder(b, String.class, ConstantOptimizerFactory.class);
    }

    public static MapBinder<String, DatasetProvider> datasets(Binder b) {
        return MapBinder.newMapBinder(b, String.class, DatasetProvider.class);
    }

    public static MapBinder<String, BatchAugmenterFactory> batchAugmenters(Binder b) {
        return MapBinder.newMapBinder(b, String.class, BatchAugmenterFactory.class);
    }

    public static MapBinder<String, GpOperatorFactory> gpOperators(Binder b) {
        return MapBinder.newMapBinder(b, String.class, GpOperatorFactory.class);
    }

    public static MapBinder<String, ComplexityMeasure> complexities(Binder b) {
        return MapBinder.newMapBinder(b, String.class, ComplexityMeasure.class);
    }
}
