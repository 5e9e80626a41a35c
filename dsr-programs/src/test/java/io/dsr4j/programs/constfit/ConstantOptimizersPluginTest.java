package io.dsr4j.programs.constfit;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.constfit.ConstantOptimizerFactory;
import io.dsr4j.api.plugin.DsrPlugin;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstantOptimizersPluginTest {

    @Test
    void registeredThroughTheServiceFile() {
        DsrPlugin plugin = ServiceLoader.load(DsrPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof BuiltinConstantOptimizersPlugin).findFirst().orElseThrow();
        Map<String, ConstantOptimizerFactory> m = Guice.createInjector(plugin.module())
                .getInstance(Key.get(new TypeLiteral<Map<String, ConstantOptimizerFactory>>() { }));
        assertTrue(m.get("lm").create(Params.empty("training.const_optimizer")) instanceof LevenbergMarquardtConstantOptimizer);
        assertTrue(m.get("none").create(Params.empty("training.const_optimizer")) instanceof NoConstantOptimizer);
    }
}
