package io.dsr4j.policy.dl4j;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/** Registers policy {@code dl4j-lstm}. */
public final class Dl4jPoliciesPlugin implements DsrPlugin {

    @Override
    public String name() { return "dl4j-policies"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.policies(binder()).addBinding("dl4j-lstm").toInstance(new Dl4jLstmPolicyFactory());
            }
        };
    }
}
