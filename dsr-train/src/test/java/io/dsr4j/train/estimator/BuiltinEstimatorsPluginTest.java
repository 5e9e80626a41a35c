package io.dsr4j.train.estimator;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.plugin.DsrPlugin;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltinEstimatorsPluginTest {

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(ServiceLoader.load(DsrPlugin.class).stream()
                .anyMatch(p -> p.type() == BuiltinEstimatorsPlugin.class));
    }

    @Test
    void registersTheFourEstimatorsByTheirYamlNames() {
        Injector injector = Guice.createInjector(new BuiltinEstimatorsPlugin().module());
        Map<String, EstimatorFactory> map = injector.getInstance(
                Key.get(new TypeLiteral<Map<String, EstimatorFactory>>() { }));
        assertEquals(Set.of("risk_seeking", "vanilla", "pqt", "ppo"), map.keySet());
        assertInstanceOf(RiskSeekingEstimator.class, map.get("risk_seeking").create(TestBatches.context(),
                TestBatches.params()));
        assertInstanceOf(VanillaEstimator.class, map.get("vanilla").create(TestBatches.context(), TestBatches.params()));
        assertInstanceOf(PqtEstimator.class, map.get("pqt").create(TestBatches.context(), TestBatches.params()));
        assertInstanceOf(PpoEstimator.class, map.get("ppo").create(TestBatches.context(), TestBatches.params()));
        for (EstimatorFactory f : map.values()) assertFalse(f.description().isBlank());
    }
}
