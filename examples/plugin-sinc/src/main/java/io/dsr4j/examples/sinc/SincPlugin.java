package io.dsr4j.examples.sinc;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/**
 * The plugin's entry point, listed in {@code META-INF/services/io.dsr4j.api.plugin.DsrPlugin}. Its Guice module
 * registers each factory under the name used in YAML: {@code task.function_set: [..., sinc]},
 * {@code prior: {no_nested_sinc: {on: true}, max_depth: {max_depth: 5}}} and
 * {@code estimator: {type: risk_seeking_median}} and {@code task: {metric: inv_nrmse_penalised, metric_params: [0.001]}}.
 */
public final class SincPlugin implements DsrPlugin {

    @Override
    public String name() { return "sinc-example"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.tokens(binder()).addBinding(SincToken.NAME).toInstance(new SincToken.Factory());
                PluginBinder.priors(binder()).addBinding(NoNestedSincPrior.NAME).toInstance(new NoNestedSincPrior.Factory());
                // bound by class: each run's injector creates them, as it does the built-ins
                PluginBinder.priors(binder()).addBinding(MaxDepthPrior.NAME).to(MaxDepthPrior.Factory.class);
                PluginBinder.estimators(binder()).addBinding(MedianBaselineEstimator.NAME).to(MedianBaselineEstimator.Factory.class);
                PluginBinder.rewards(binder()).addBinding(ComplexityPenalisedReward.NAME).to(ComplexityPenalisedReward.Factory.class);
            }
        };
    }
}
