package io.dsr4j.train.estimator;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/** Registers the built-in gradient estimators: risk_seeking, vanilla, pqt, ppo. */
public final class BuiltinEstimatorsPlugin implements DsrPlugin {

    @Override
    public String name() { return "builtin-estimators"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder<String, EstimatorFactory> estimators = PluginBinder.estimators(binder());
                // bound by class: the injector creates them, as it does a third-party plugin's
                estimators.addBinding(RiskSeekingEstimator.NAME).to(RiskSeekingEstimator.Factory.class);
                estimators.addBinding(VanillaEstimator.NAME).to(VanillaEstimator.Factory.class);
                estimators.addBinding(PqtEstimator.NAME).to(PqtEstimator.Factory.class);
                estimators.addBinding(PpoEstimator.NAME).to(PpoEstimator.Factory.class);
            }
        };
    }
}
