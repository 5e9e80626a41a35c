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
                PluginBinder.estimators(binder()).addBinding("gp").toInstance(new GpSearchEstimator.Factory());
            }
        };
    }
}
