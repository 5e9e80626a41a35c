package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.plugin.testplugins.TestCorePlugin;
import io.dsr4j.api.plugin.testplugins.TestTokensPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigValidatorTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new TestTokensPlugin(), new TestCorePlugin()));
    private static final Set<String> SETS = Set.of("Koza", "Keijzer");

    @TempDir
    Path dir;

    private DsrConfig load(String yaml) throws Exception {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f, List.of());
    }

    private String fails(String yaml) throws Exception {
        DsrConfig c = load(yaml);
        return assertThrows(ConfigException.class, () -> ConfigValidator.checkNames(c, REGISTRY, SETS)).getMessage();
    }

    @Test
    void knownNamesPass() throws Exception {
        ConfigValidator.checkNames(load("""
                task:
                  function_set: [add, sub, mul, div, sin, protected_log, const, 1.0, 2, pi, e]
                policy: {type: dl4j-lstm}
                prior:
                  relational: [{targets: [sin], effectors: [cos], relationship: child}]
                """), REGISTRY, SETS);
        ConfigValidator.checkNames(load("task: {function_set: Koza}\n"), REGISTRY, SETS);
        ConfigValidator.checkNames(load("task: {function_set: SomeSetTheCallerCannotCheck}\n"), REGISTRY, null);
    }

    @Test
    void unknownPluginTypesAreReportedAtTheirKey() throws Exception {
        Path f = dir.resolve("exp.yaml");
        assertEquals(f + ":2:9: key 'policy.type': unknown policy 'lsmt' (did you mean 'lstm'?); available: dl4j-lstm, lstm",
                fails("policy:\n  type: lsmt\n"));
        assertTrue(fails("estimator: {type: risk_seekin}\n").contains(
                ":1:19: key 'estimator.type': unknown gradient estimator 'risk_seekin' (did you mean 'risk_seeking'?)"));
        assertTrue(fails("task: {metric: inv_nrmsee}\n").contains(
                ":1:16: key 'task.metric': unknown reward 'inv_nrmsee' (did you mean 'inv_nrmse'?); available: inv_nrmse"));
        assertTrue(fails("training:\n  const_optimizer: {type: bfgs}\n").contains(
                ":2:27: key 'training.const_optimizer.type': unknown constant optimizer 'bfgs'; available: lm"));
    }

    @Test
    void unknownPriorsAreReportedEvenWhenOff() throws Exception {
        String m = fails("prior:\n  lenght: {max_: 30}\n");
        assertTrue(m.contains(":2:3: key 'prior.lenght': unknown prior 'lenght' (did you mean 'length'?); available: "), m);
        assertTrue(fails("prior:\n  no_nested_sinc: {on: false}\n").contains("unknown prior 'no_nested_sinc'"));
    }

    @Test
    void functionSetEntriesAreCheckedOneByOne() throws Exception {
        String m = fails("task:\n  function_set: [add, mul, sinn, const]\n");
        assertTrue(m.startsWith(dir.resolve("exp.yaml") + ":2:28: key 'task.function_set': unknown token 'sinn' "
                + "(did you mean 'sin'?); available: add, cos, div, exp, log, mul, sin, sub, protected_NAME of those, "
                + "const, pi, e or a number"), m);
        assertTrue(fails("task:\n  function_set: [add, protected_sinc]\n").contains("unknown token 'protected_sinc'"));
        assertTrue(fails("task:\n  function_set: [add, x1]\n").contains("'x1' is an input variable; inputs x1..xn are "
                + "added to the library automatically"));
        assertTrue(fails("task:\n  function_set: Kozza\n").contains(
                ":2:17: key 'task.function_set': unknown function set 'Kozza' (did you mean 'Koza'?); available: Keijzer, Koza"));
        assertTrue(fails("task:\n  function_set: sin\n").contains("for a function set of the single token 'sin' write [sin]"));
    }
}
