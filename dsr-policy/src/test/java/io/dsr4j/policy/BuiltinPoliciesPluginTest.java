package io.dsr4j.policy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.policy.lstm.JvmLstmPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltinPoliciesPluginTest {

    @Test
    void registersLstmThroughServiceLoaderAndGuice() {
        DsrPlugin plugin = ServiceLoader.load(DsrPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof BuiltinPoliciesPlugin).findFirst().orElseThrow();
        Injector injector = Guice.createInjector(plugin.module());
        Map<String, PolicyFactory> factories = injector.getInstance(Key.get(new TypeLiteral<Map<String, PolicyFactory>>() { }));
        assertTrue(factories.containsKey("lstm"));

        ToyEnvironment env = new ToyEnvironment(TestToken.koza(), 4, 30, true);
        Params params = RnnSpecTest.user(RnnSpecTest.map("type", "lstm", "cell", "gru", "num_units", List.of(8, 4)));
        try (Policy policy = factories.get("lstm").create(new PolicyContext(env, 1, 1, OptimizerSpec.adam(1e-3)), params)) {
            params.requireAllUsed();
            JvmLstmPolicy jvm = (JvmLstmPolicy) policy;
            assertEquals(RnnSpec.Cell.GRU, jvm.spec().cell());
            assertArrayEquals(new int[] {8, 4}, jvm.spec().units());
            assertEquals(jvm.layout().size(), policy.parameterCount());
            assertEquals(10, policy.sample(10).size());
        }
    }

    @Test
    void badPolicyKeysFailAtCreation() {
        ToyEnvironment env = new ToyEnvironment(TestToken.koza(), 4, 30, true);
        Params params = RnnSpecTest.user(RnnSpecTest.map("type", "lstm", "cell", "rnn"));
        assertThrows(ConfigException.class, () -> new io.dsr4j.policy.lstm.JvmLstmPolicyFactory()
                .create(new PolicyContext(env, 1, 1, OptimizerSpec.adam(1e-3)), params));
    }
}
