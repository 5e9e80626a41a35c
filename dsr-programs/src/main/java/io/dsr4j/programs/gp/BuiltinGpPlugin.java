package io.dsr4j.programs.gp;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/**
 * Registers the built-in GP operators (plugin kind "gp operator"), GP-meld (kind "batch augmenter") and the
 * standalone GP search (policy {@code gp} with estimator {@code gp}).
 */
public final class BuiltinGpPlugin implements DsrPlugin {

    @Override
    public String name() { return "builtin-gp"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                var ops = PluginBinder.gpOperators(binder());
                GpOperators.factories().forEach((name, f) -> ops.addBinding(name).toInstance(f));
                PluginBinder.batchAugmenters(binder()).addBinding("gp_meld").toInstance(new GpMeldFactory());
                PluginBinder.policies(binder()).addBinding("gp").toInstance(new GpSearchPolicyFactory());
                PluginBinder.estimators(binder()).addBinding("gp").toInstance(new io.dsr4j.api.estimator.EstimatorFactory() {
                    @Override
                    public io.dsr4j.api.estimator.GradientEstimator create(io.dsr4j.api.estimator.EstimatorContext c,
                                                                           io.dsr4j.api.config.Params p) {
                        return new GpSearchEstimator();
                    }

                    @Override
                    public io.dsr4j.api.settings.Settings settings() { return io.dsr4j.api.settings.Settings.NONE; }

                    @Override
                    public String requiredPolicy() { return "gp"; }

                    @Override
                    public String description() { return "breeds the next generation of policy gp (standalone GP, no gradient)"; }
                });
            }
        };
    }
}
