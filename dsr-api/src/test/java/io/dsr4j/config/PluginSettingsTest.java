package io.dsr4j.config;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.plugin.testplugins.TestCorePlugin;
import io.dsr4j.api.plugin.testplugins.TestTokensPlugin;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugins declare typed settings: they bring their defaults, and the config layer checks their sections up front. */
class PluginSettingsTest {

    static final Setting<Double> EPSILON = Setting.real("epsilon", 0.05).range(0, 1).doc("top fraction");
    static final Setting<Integer> QUEUE = Setting.integer("queue", 10).range(1, 100).doc("queue size");

    /** An estimator that declares settings (a third-party plugin would look the same). */
    record Declaring(Settings settings) implements EstimatorFactory {
        @Override
        public GradientEstimator create(io.dsr4j.api.estimator.EstimatorContext context, Params params) {
            throw new UnsupportedOperationException();
        }
    }

    /** Registers two estimators with settings; the test-core plugin's risk_seeking is replaced by "seeking". */
    static final DsrPlugin ESTIMATORS = new DsrPlugin() {
        public String name() { return "test-estimators"; }

        public Module module() {
            return new AbstractModule() {
                protected void configure() {
                    PluginBinder.estimators(binder()).addBinding("seeking").toInstance(new Declaring(Settings.of(EPSILON)));
                    PluginBinder.estimators(binder()).addBinding("queued")
                            .toInstance(new Declaring(Settings.of(Setting.real("epsilon", 1.0), QUEUE)));
                }
            };
        }
    };

    static final PluginRegistry REGISTRY =
            PluginRegistry.of(List.of(new TestTokensPlugin(), new TestCorePlugin(), ESTIMATORS));

    @TempDir
    Path dir;

    private DsrConfig load(String yaml) throws Exception {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f, List.of());
    }

    private String rejected(String yaml) throws Exception {
        DsrConfig c = load(yaml);
        return assertThrows(ConfigException.class, () -> ConfigValidator.checkNames(c, REGISTRY, Set.of())).getMessage();
    }

    @Test
    void theSelectedPluginBringsItsDefaults() throws Exception {
        DsrConfig raw = load("estimator: {type: queued, queue: 20}\n");
        assertEquals(Map.of("type", "queued", "queue", 20L, "learning_rate", 5e-4, "optimizer", "adam",
                "entropy_weight", 0.03, "entropy_gamma", 0.7), raw.estimator().params().node().toPlain(),
                "without the registry a section is what was written");
        DsrConfig c = ConfigValidator.checkNames(raw, REGISTRY, Set.of());
        Params p = c.estimator().params();
        assertEquals(1.0, EPSILON.read(p), "the plugin's own default, not another estimator's");
        assertEquals(20, QUEUE.read(p));
        assertTrue(c.resolvedYaml().contains("  epsilon: 1.0\n"), c.resolvedYaml());
        assertEquals(Location.DEFAULTS, c.locationOf("estimator.epsilon"));

        // switching the plugin switches the defaults; what was written stays
        DsrConfig other = c.with("estimator.type", "seeking");
        assertEquals(0.05, EPSILON.read(other.estimator().params()));
        assertNotEquals(c, other);
    }

    @Test
    void resolvedYamlLoadsBackEqual() throws Exception {
        DsrConfig c = ConfigValidator.checkNames(load("estimator: {type: queued}\n"), REGISTRY, Set.of());
        Path back = dir.resolve("config.yaml");
        Files.writeString(back, c.resolvedYaml());
        DsrConfig reloaded = ConfigValidator.checkNames(ConfigLoader.load(back, List.of()), REGISTRY, Set.of());
        assertEquals(c, reloaded);
        assertEquals(c.resolvedYaml(), reloaded.resolvedYaml());
        // the defaults of another estimator of the same kind are not "unknown" (one file can serve several)
        ConfigValidator.checkNames(reloaded.with("estimator.type", "seeking"), REGISTRY, Set.of());
    }

    @Test
    void settingsAreCheckedUpFrontWithFileLineAndDidYouMean() throws Exception {
        String range = rejected("estimator:\n  type: queued\n  queue: 500\n");
        assertTrue(range.contains("exp.yaml:3:10: key 'estimator.queue': value 500 is out of range; allowed: 1 to 100"), range);
        String typo = rejected("estimator:\n  type: queued\n  qeue: 5\n");
        assertTrue(typo.contains("exp.yaml:3:3: key 'estimator.qeue': unknown key (did you mean 'queue'?)"), typo);
        String type = rejected("estimator:\n  type: seeking\n  epsilon: lots\n");
        assertTrue(type.contains("key 'estimator.epsilon': expected a number but found"), type);
        String framework = rejected("estimator:\n  type: seeking\n  learning_rate: -1\n");
        assertTrue(framework.contains("key 'estimator.learning_rate': value -1.0 is out of range"), framework);
        String changedOther = rejected("estimator:\n  type: seeking\n  queue: 11\n");
        assertTrue(changedOther.contains("key 'estimator.queue': unknown key"), changedOther);
    }

    @Test
    void undeclaredPluginsKeepWorking() throws Exception {
        // test-core's policy declares nothing: its keys are left to the plugin when a run builds it
        DsrConfig c = ConfigValidator.checkNames(load("policy: {type: lstm, anything: 3}\n"), REGISTRY, Set.of());
        assertEquals(3, c.policy().params().getInt("anything", 0));
        assertEquals(Settings.UNDECLARED, REGISTRY.settingsOf(PluginKind.POLICY, "lstm"));
        assertEquals(Settings.UNDECLARED, REGISTRY.settingsOf(PluginKind.POLICY, "no-such-policy"));
    }
}
