package io.dsr4j.train.run;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.policy.lstm.JvmLstmPolicyFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seed that crashes is reported with its error file; the other seeds of the run finish and are summarised. */
class SeedFailureTest {

    @TempDir
    Path tmp;

    /** The lstm policy, except that sampling fails for one policy seed. */
    static final class FlakyPolicyPlugin implements DsrPlugin {
        final long failingPolicySeed;

        FlakyPolicyPlugin(long failingPolicySeed) {
            this.failingPolicySeed = failingPolicySeed;
        }

        @Override
        public String name() { return "flaky-test"; }

        @Override
        public Module module() {
            return new AbstractModule() {
                @Override
                protected void configure() {
                    PluginBinder.policies(binder()).addBinding("flaky").toInstance((PolicyFactory) (ctx, p) -> wrap(ctx, p));
                }
            };
        }

        private Policy wrap(PolicyContext ctx, Params p) {
            Policy real = new JvmLstmPolicyFactory().create(ctx, p);
            boolean fail = ctx.seed() == failingPolicySeed;
            return new Policy() {
                @Override
                public SequenceBatch sample(int n) {
                    if (fail) throw new IllegalStateException("simulated crash");
                    return real.sample(n);
                }

                @Override
                public Scores score(SequenceBatch b, double g) { return real.score(b, g); }

                @Override
                public double trainStep(SequenceBatch b, PolicyLoss l) { return real.trainStep(b, l); }

                @Override
                public void save(DataOutputStream out) throws java.io.IOException { real.save(out); }

                @Override
                public void load(DataInputStream in) throws java.io.IOException { real.load(in); }

                @Override
                public int parameterCount() { return real.parameterCount(); }
            };
        }
    }

    @Test
    void oneCrashingSeedDoesNotStopTheOthers() throws Exception {
        long policySeedOf7 = new Rng(7).split(1).nextLong(); // how Experiment derives the policy seed of run seed 7
        List<DsrPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(DsrPlugin.class).forEach(plugins::add);
        plugins.add(new FlakyPolicyPlugin(policySeedOf7));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExperimentRunner runner = new ExperimentRunner(PluginRegistry.of(plugins), RunTestSupport.QUIET,
                new PrintStream(err, true));
        DsrConfig c = RunTestSupport.config(1000, 250, Map.of("policy.type", "flaky", "training.early_stopping", "false"));
        Path dir = ExperimentRunner.newRunDirectory(tmp, "flaky");
        List<RunResult> results = runner.start(c, dir, List.of(6L, 7L, 8L), 2);
        assertEquals(List.of(6L, 8L), results.stream().map(RunResult::seed).sorted().toList());
        assertEquals(2, RunTestSupport.rows(dir.resolve("summary.csv")).size());
        assertTrue(err.toString().contains("seed 7 failed") && err.toString().contains("simulated crash"), err.toString());
        assertTrue(Files.readString(dir.resolve("seed_7/error.txt")).contains("simulated crash"));
    }
}
