package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkRegistryTest {

    private final BenchmarkRegistry registry = BenchmarkRegistry.get();

    @Test
    void loadsEveryPublishedBenchmarkOnce() {
        assertEquals(268, registry.names().size());
        assertEquals("Keijzer-1", registry.names().get(0));
        assertSame(registry, BenchmarkRegistry.get());
    }

    @Test
    void nguyenOneAsPublished() {
        Benchmark b = registry.get("Nguyen-1");
        assertEquals(1, b.variableCount());
        assertEquals("pow(x1,3)+pow(x1,2)+x1", b.expression());
        assertEquals("Koza", b.functionSetName());
        assertEquals(new SamplingSpec.Uniform(-1, 1, 20), b.trainSpec().forVariable(1));
        assertNull(b.testSpec());
        assertSame(b.trainSpec(), b.testSpecOrTrain());
    }

    @Test
    void perVariableSpecsAndGrids() {
        Benchmark k5 = registry.get("Keijzer-5");
        assertEquals(new SamplingSpec.Uniform(1, 2, 1000), k5.trainSpec().forVariable(3));
        assertEquals(new SamplingSpec.Uniform(-1, 1, 10000), k5.testSpec().forVariable(2));
        Benchmark v3 = registry.get("Vladislavleva-3");
        assertTrue(v3.trainSpec().isGrid());
        assertEquals(new SamplingSpec.Grid(0.05, 10.05, 2), v3.trainSpec().forVariable(2));
        // count semantics: step larger than the range
        assertEquals(20, ((SamplingSpec.Grid) registry.get("R1").trainSpec().forVariable(1)).count());
        assertEquals(21, ((SamplingSpec.Grid) registry.get("Keijzer-1").trainSpec().forVariable(1)).count());
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        ConfigException e = assertThrows(ConfigException.class, () -> registry.get("Nguyen-l"));
        assertTrue(e.getMessage().contains("did you mean 'Nguyen-1'"), e.getMessage());
    }

    @Test
    void functionSets() {
        assertEquals(List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log", "const"), registry.functionSet("CKoza"));
        assertEquals(List.of("add", "mul", "inv", "neg", "sqrt", "const"), registry.functionSet("Keijzer"));
        assertTrue(registry.isFunctionSetName("BaseCP"));
        assertFalse(registry.isFunctionSetName("koza"));
        ConfigException e = assertThrows(ConfigException.class, () -> registry.functionSet("Kozza"));
        assertTrue(e.getMessage().contains("did you mean 'Koza'"), e.getMessage());
    }

    @Test
    void everyBenchmarksFunctionSetResolves() {
        for (String n : registry.names()) {
            assertFalse(registry.functionSet(registry.get(n).functionSetName()).isEmpty(), n);
        }
    }
}
