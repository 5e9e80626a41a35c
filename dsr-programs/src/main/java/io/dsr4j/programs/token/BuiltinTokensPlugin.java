package io.dsr4j.programs.token;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.token.TokenFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Registers every built-in function token and {@code poly} (plugin kind "token") under its function-set name. */
public final class BuiltinTokensPlugin implements DsrPlugin {

    @Override
    public String name() { return "builtin-tokens"; }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder<String, TokenFactory> tokens = PluginBinder.tokens(binder());
                factories().forEach((name, factory) -> tokens.addBinding(name).toInstance(factory));
            }
        };
    }

    /** The built-in factories by name, in declaration order (for use without Guice: tests, benchmarks). */
    public static Map<String, TokenFactory> factories() {
        Map<String, TokenFactory> map = new LinkedHashMap<>();
        for (Builtin b : Builtin.values()) map.put(b.tokenName(), new BuiltinTokenFactory(b));
        map.put(io.dsr4j.programs.poly.PolyToken.NAME, io.dsr4j.programs.poly.PolyToken.factory());
        return map;
    }
}
