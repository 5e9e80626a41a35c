package io.dsr4j.policy;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.policy.lstm.JvmLstmPolicyFactory;

/** Registers the plain-Java policy as policy type {@code lstm}. */
public final class BuiltinPoliciesPlugin implements DsrPlugin {

    @Override
    public String name() { return "builtin-policies"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.policies(binder()).addBinding(JvmLstmPolicyFactory.NAME).to(JvmLstmPolicyFactory.class);
            }
        };
    }
}
