package io.dsr4j.api.plugin.testplugins;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/** Second test plugin: every other name the built-in defaults use. */
public final class TestCorePlugin implements DsrPlugin {

    @Override
    public String name() { return "test-core"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.policies(binder()).addBinding("lstm").to(Fakes.FakePolicyFactory.class);
                PluginBinder.policies(binder()).addBinding("dl4j-lstm").toInstance(new Fakes.FakePolicyFactory());
                PluginBinder.estimators(binder()).addBinding("risk_seeking").toInstance(Fakes.estimator());
                PluginBinder.constantOptimizers(binder()).addBinding("lm").toInstance(Fakes.constantOptimizer());
                PluginBinder.complexities(binder()).addBinding("token").toInstance(p -> p.complexity());
                PluginBinder.complexities(binder()).addBinding("length").toInstance(p -> p.length());
                for (String p : new String[]{"length", "repeat", "inverse", "trig", "const", "no_inputs",
                        "uniform_arity", "soft_length", "domain_range", "relational"}) {
                    PluginBinder.priors(binder()).addBinding(p).toInstance(Fakes.prior());
                }
            }
        };
    }
}
