package io.dsr4j.api.plugin.testplugins;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/** Test plugin on the test class path (listed in src/test/resources/META-INF/services). */
public final class TestTokensPlugin implements DsrPlugin {

    @Override
    public String name() { return "test-tokens"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                for (String unary : new String[]{"sin", "cos", "exp", "log"}) {
                    PluginBinder.tokens(binder()).addBinding(unary).toInstance(Fakes.token(unary, 1));
                }
                for (String binary : new String[]{"add", "sub", "mul", "div"}) {
                    PluginBinder.tokens(binder()).addBinding(binary).toInstance(Fakes.token(binary, 2));
                }
                PluginBinder.rewards(binder()).addBinding("inv_nrmse").toInstance(Fakes.reward());
            }
        };
    }
}
