package io.dsr4j.programs.prior;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.programs.prior.builtin.BuiltinPriors;

/** Registers the built-in priors (plugin kind "prior") under their YAML names. */
public final class BuiltinPriorsPlugin implements DsrPlugin {

    @Override
    public String name() { return "builtin-priors"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                var priors = PluginBinder.priors(binder());
                BuiltinPriors.factories().forEach((name, factory) -> priors.addBinding(name).toInstance(factory));
            }
        };
    }
}
