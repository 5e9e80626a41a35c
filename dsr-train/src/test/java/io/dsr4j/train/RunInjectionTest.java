package io.dsr4j.train;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Module;
import com.google.inject.Provider;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.plugin.RunServices;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Guice does the wiring: each run's factories come from an injector that binds the run's services. */
class RunInjectionTest {

    /** What the probe saw, per run. */
    static final List<RunServices> SEEN = new CopyOnWriteArrayList<>();
    static final List<Object> FACTORIES = new CopyOnWriteArrayList<>();

    /** A prior factory bound by class that injects the run's services (as a third-party plugin would). */
    public static final class Probe implements PriorFactory {
        private final Provider<RunServices> services;

        @Inject
        public Probe(Provider<RunServices> services) { this.services = services; }

        @Override
        public Settings settings() { return Settings.NONE; }

        @Override
        public Optional<Prior> create(PriorContext context, Params params) {
            RunServices run = services.get();
            assertSame(context.library(), run.library(), "the run's own library is injected");
            SEEN.add(run);
            FACTORIES.add(this);
            return Optional.empty();
        }
    }

    static final DsrPlugin PROBE = new DsrPlugin() {
        public String name() { return "probe"; }

        public Module module() {
            return new AbstractModule() {
                protected void configure() {
                    PluginBinder.priors(binder()).addBinding("probe").to(Probe.class);
                }
            };
        }
    };

    private static PluginRegistry registry() {
        List<DsrPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(DsrPlugin.class).forEach(plugins::add);
        plugins.add(PROBE);
        return PluginRegistry.of(plugins);
    }

    @Test
    void factoriesBoundByClassGetTheRunsServices() {
        PluginRegistry registry = registry();
        DsrConfig c = ConfigLoader.load(null, List.of("training.n_samples=200", "training.batch_size=100",
                "prior.probe={on: true}", "logging.progress=off"));
        SEEN.clear();
        FACTORIES.clear();
        try (Experiment a = Experiment.build(c, registry, 3); Experiment b = Experiment.build(c, registry, 4)) {
            assertEquals(2, SEEN.size());
            assertEquals(3, SEEN.get(0).seed());
            assertEquals(4, SEEN.get(1).seed());
            assertSame(a.library(), SEEN.get(0).library());
            assertSame(b.dataset(), SEEN.get(1).dataset());
            assertNotSame(FACTORIES.get(0), FACTORIES.get(1), "each run's injector creates its own factories");
        }
        // Outside a run (listing, config checks) the factory exists, its services do not.
        Probe listed = (Probe) registry.factories(PluginKind.PRIOR, PriorFactory.class).get("probe");
        assertThrows(Exception.class, () -> listed.services.get());
        assertEquals(Settings.NONE, registry.settingsOf(PluginKind.PRIOR, "probe"));
    }

    @Test
    void pluginRandomStreamsAreReproducibleAndApart() {
        try (Experiment e = Experiment.build(ConfigLoader.load(null, List.of("logging.progress=off")), registry(), 1)) {
            RunServices s = new RunServices(e.library(), e.dataset(), 7);
            assertEquals(s.randomStream("mine").nextLong(), s.randomStream("mine").nextLong());
            assertNotEquals(s.randomStream("mine").nextLong(), s.randomStream("yours").nextLong());
            assertNotEquals(s.randomStream("mine").nextLong(), new RunServices(e.library(), e.dataset(), 8)
                    .randomStream("mine").nextLong());
        }
    }
}
