package io.dsr4j.programs.prior;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.prior.PriorFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BuiltinPriorsPluginTest {

    @Test
    void registeredThroughServiceLoaderUnderTheYamlNames() {
        DsrPlugin plugin = ServiceLoader.load(DsrPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof BuiltinPriorsPlugin).findFirst().orElseThrow();
        Map<String, PriorFactory> factories = Guice.createInjector(plugin.module())
                .getInstance(Key.get(new TypeLiteral<Map<String, PriorFactory>>() { }));
        assertEquals(Set.of("length", "repeat", "inverse", "trig", "const", "no_inputs", "uniform_arity", "soft_length",
                "relational", "domain_range"), factories.keySet());
        factories.values().forEach(f -> assertFalse(f.description().isBlank()));
    }
}
