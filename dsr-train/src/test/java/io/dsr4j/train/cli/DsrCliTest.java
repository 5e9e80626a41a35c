package io.dsr4j.train.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFactory;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI in-process: exit codes and messages for every class of user error, without stack traces. */
class DsrCliTest {

    /** Registers every name the built-in defaults use, plus a few tokens, so that configs can be checked. */
    static final class CliTestPlugin implements DsrPlugin {
        @Override
        public String name() { return "cli-test"; }

        @Override
        public Module module() {
            return new AbstractModule() {
                @Override
                protected void configure() {
                    for (String t : new String[]{"add", "sub", "mul", "div", "sin", "cos", "exp", "log"}) {
                        PluginBinder.tokens(binder()).addBinding(t).toInstance(token(t));
                    }
                    PluginBinder.rewards(binder()).addBinding("inv_nrmse").toInstance(new RewardFactory() {
                        public int parameterCount() { return 1; }
                        public Metric create(double[] y, double[] p) { throw new UnsupportedOperationException(); }
                    });
                    PluginBinder.policies(binder()).addBinding("lstm").toInstance((c, p) -> { throw new UnsupportedOperationException(); });
                    PluginBinder.estimators(binder()).addBinding("risk_seeking").toInstance((c, p) -> { throw new UnsupportedOperationException(); });
                    PluginBinder.constantOptimizers(binder()).addBinding("lm").toInstance(p -> { throw new UnsupportedOperationException(); });
                    PluginBinder.complexities(binder()).addBinding("token").toInstance(p -> p.complexity());
                    for (String p : new String[]{"length", "repeat", "inverse", "trig", "const", "no_inputs",
                            "uniform_arity", "soft_length", "domain_range"}) {
                        PluginBinder.priors(binder()).addBinding(p).toInstance((c, params) -> Optional.empty());
                    }
                }
            };
        }

        private static TokenFactory token(String name) {
            return protectedMode -> new Token() {
                public String name() { return name; }
                public int arity() { return 1; }
                public TokenKind kind() { return TokenKind.FUNCTION; }
                public double complexity() { return 1; }
            };
        }
    }

    @Command(name = "boom", description = "test: fails unexpectedly")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() { throw new IllegalStateException("kaput"); }
    }

    @Command(name = "wrapped", description = "test: a user error wrapped by some library")
    static final class Wrapped implements Callable<Integer> {
        @Override
        public Integer call() { throw new RuntimeException(new ConfigException("data.csv:3: bad row")); }
    }

    record Result(int exit, String out, String err) { }

    @TempDir
    Path dir;

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new CliTestPlugin()));

    /** The built-in plugins (dsr-programs, dsr-policy, dsr-train on the test class path). */
    private static final PluginRegistry BUILTINS = PluginRegistry.load();

    private static Result run(String... args) {
        return run(REGISTRY, args);
    }

    private static Result run(PluginRegistry registry, String... args) {
        CommandLine cl = DsrCli.commandLine(new DsrCli(registry).functionSetNames(() -> Set.of("Koza")),
                new Boom(), new Wrapped());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    /** A user error: exit 2, one "dsr: error:" paragraph on stderr naming the location and key, no stack trace. */
    private static String userError(Result r, String location, String key) {
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        String err = r.err();
        assertTrue(err.startsWith("dsr: error: " + location), err);
        assertTrue(err.contains("key '" + key + "'"), err);
        assertEquals(1, err.strip().lines().count(), "one paragraph: " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
        return err;
    }

    @Test
    void versionAndHelp() {
        Result v = run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().matches("dsr4j 0\\.1\\.0-SNAPSHOT \\((commit unknown|[0-9a-f]{12})(, uncommitted changes)?\\) \\(Java [^,]+, .+\\)\\R"), v.out());
        Result h = run("--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("plugins") && h.out().contains("config") && h.out().contains("boom"), h.out());
    }

    @Test
    void usageErrorsExitWith2() {
        Result none = run();
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("dsr: error: missing command"), none.err());
        Result unknown = run("plugin");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("dsr: error: Unmatched argument at index 0: 'plugin'"), unknown.err());
        assertTrue(unknown.err().contains("Did you mean") && unknown.err().contains("plugins"), unknown.err());
        Result badOption = run("config", "--sett", "a=b");
        assertEquals(2, badOption.exit());
        assertTrue(badOption.err().contains("Try 'dsr config --help'"), badOption.err());
    }

    @Test
    void pluginsListsNamesPerKindWithClassAndSource() {
        Result r = run("plugins");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Plugins (1):\n  cli-test  " + CliTestPlugin.class.getName()), r.out());
        assertTrue(r.out().contains("\ntoken (task.function_set entries): 8\n  add "), r.out());
        assertTrue(r.out().contains("\npolicy (policy.type): 1\n  lstm  [cli-test]  " + DsrCliTest.class.getName()), r.out());
        assertTrue(r.out().contains("\ndataset (task.dataset resolution): none\n"), r.out());
        Result one = run("plugins", "--kind", "policy");
        assertEquals(0, one.exit(), one.err());
        assertFalse(one.out().contains("token"), one.out());
    }

    @Test
    void everyBuiltinRegistrationNamesItsOwnClassAndSaysWhatItDoes() {
        // `dsr plugins` shows these: an anonymous class name (Foo$1) or an empty description tells a user nothing
        assertFalse(BUILTINS.describe().isEmpty());
        for (PluginRegistry.Registration r : BUILTINS.describe()) {
            String what = r.kind() + " " + r.name() + " (" + r.implementation() + ")";
            assertFalse(r.implementation().matches(".*\\$[0-9]+.*"), what + ": an anonymous class");
            assertFalse(r.description().isBlank(), what + ": no description");
        }
    }

    @Test
    void configPrintsTheResolvedConfigurationThatLoadsBack() throws Exception {
        Path f = file("task: {function_set: [add, mul, sin, 1.0, const]}\n");
        Result r = run(BUILTINS, "config", f.toString(), "--set", "training.batch_size=500");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\n  num_units: 32\n"), "the policy plugin's own defaults are resolved: " + r.out());
        Path back = dir.resolve("resolved.yaml");
        Files.writeString(back, r.out());
        DsrConfig expected = ConfigLoader.load(f, List.of("training.batch_size=500")).withPlugins(BUILTINS);
        assertEquals(expected, ConfigLoader.load(back, List.of()).withPlugins(BUILTINS));
        assertEquals(0, run(BUILTINS, "config", "--set", "task.function_set=Koza").exit());
    }

    @Test
    void configRejectsPluginSettingsLikeARun() throws Exception {
        Path f = file("policy:\n  type: lstm\n  num_unit: 16\n");
        String err = userError(run(BUILTINS, "config", f.toString()), f + ":3:", "policy.num_unit");
        assertTrue(err.contains("did you mean 'num_units'?"), err);
        f = file("estimator:\n  type: pqt\n  pqt_k: 0\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":3:", "estimator.pqt_k");
        assertTrue(err.contains("allowed: at least 1"), err);
        f = file("training:\n  const_optimizer: {type: lm, restarts: -1}\n");
        userError(run(BUILTINS, "config", f.toString()), f + ":2:", "training.const_optimizer.restarts");
        f = file("policy: {type: dl4j-lstm, cell: gru}\n");
        userError(run(BUILTINS, "config", f.toString()), f + ":1:", "policy.cell");
        // what only building the run finds (a prior's token names against the library) is rejected too
        f = file("task: {function_set: [add, mul]}\nprior:\n  repeat: {tokens: [sin], max_: 2}\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":3:", "prior.repeat.tokens");
        assertTrue(err.contains("sin"), err);
        // metric parameters are counted up front
        f = file("task: {metric: neg_mse, metric_params: [1.0]}\n");
        userError(run(BUILTINS, "config", f.toString()), f + ":1:", "task.metric_params");
        // the poly token's fitting (reference names)
        f = file("task:\n  poly_optimizer_params:\n    degre: 2\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":3:", "task.poly_optimizer_params.degre");
        assertTrue(err.contains("did you mean 'degree'?"), err);
        f = file("task:\n  poly_optimizer_params: {degree: 11, coef_tol: 1.0e-4}\n");
        userError(run(BUILTINS, "config", f.toString()), f + ":2:", "task.poly_optimizer_params.degree");
        f = file("task:\n  poly_optimizer_params: {coef_tol: -1}\n");
        userError(run(BUILTINS, "config", f.toString()), f + ":2:", "task.poly_optimizer_params.coef_tol");
        // the batch augmenter's keys, when it is on
        f = file("gp_meld:\n  on: true\n  generatons: 5\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":3:", "gp_meld.generatons");
        assertTrue(err.contains("did you mean 'generations'?"), err);
        f = file("gp_meld:\n  on: true\n  p_mutate: 1.5\n");
        userError(run(BUILTINS, "config", f.toString()), f + ":3:", "gp_meld.p_mutate");
        f = file("gp_meld:\n  on: true\n  mutations: [uniform, shrnk]\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":3:", "gp_meld.mutations");
        assertTrue(err.contains("did you mean 'shrink'?"), err);
        // complexity measures are plugins: an unknown name is caught like any plugin name
        f = file("training: {complexity: tokens}\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":1:", "training.complexity");
        assertTrue(err.contains("did you mean 'token'?") && err.contains("length"), err);
        Result details = run(BUILTINS, "plugins", "--details", "length");
        assertTrue(details.out().contains("\ncomplexity 'length' (training.complexity)\n"), details.out());
    }

    @Test
    void configRejectsAPolicyAndEstimatorThatCannotWorkTogether() throws Exception {
        Path f = file("policy:\n  type: gp\n");
        String err = userError(run(BUILTINS, "config", f.toString()), f + ":2:", "policy.type");
        assertTrue(err.contains("can only be trained by estimator.type 'gp', but estimator.type is 'risk_seeking'"), err);
        f = file("estimator:\n  type: gp\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":2:", "estimator.type");
        assertTrue(err.contains("can only train policy.type 'gp', but policy.type is 'lstm'"), err);
        f = file("policy: {type: gp}\nestimator: {type: gp}\n");
        assertEquals(0, run(BUILTINS, "config", f.toString()).exit());
    }

    @Test
    void metricParametersByNameAndSampleWeightsAreCheckedLikeARun() throws Exception {
        Path f = file("task: {metric: inv_nmse, metric_params: {scale: 2.0}}\n");
        Result ok = run(BUILTINS, "config", f.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("scale: 2.0"), ok.out());
        f = file("task:\n  metric: inv_nmse\n  metric_params: {scal: 2.0}\n");
        String err = userError(run(BUILTINS, "config", f.toString()), f + ":3:", "task.metric_params.scal");
        assertTrue(err.contains("did you mean 'scale'?"), err);
        f = file("task: {metric: fraction, metric_params: {relative: 0.1}}\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":1:", "task.metric_params");
        assertTrue(err.contains("'absolute'"), err);

        // Nguyen-1 has 20 training rows
        Path w = dir.resolve("w.txt");
        Files.writeString(w, "weight\n" + "1\n".repeat(20));
        f = file("task: {metric: neg_nmse, metric_params: [], sample_weights: w.txt}\n");
        ok = run(BUILTINS, "config", f.toString());
        assertEquals(0, ok.exit(), ok.err());
        f = file("task: {metric: pearson, metric_params: [], sample_weights: w.txt}\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":1:", "task.sample_weights");
        assertTrue(err.contains("does not support sample weights"), err);
        Files.writeString(w, "1\n".repeat(19));
        f = file("task: {metric: neg_nmse, metric_params: [], sample_weights: w.txt}\n");
        err = userError(run(BUILTINS, "config", f.toString()), f + ":1:", "task.sample_weights");
        assertTrue(err.contains("19 weights but the training set has 20 rows"), err);
        Files.writeString(w, "1\n".repeat(10) + "-1\n" + "1\n".repeat(9));
        userError(run(BUILTINS, "config", f.toString()), w + ":11:", "task.sample_weights");

        Result details = run(BUILTINS, "plugins", "--details", "fraction");
        assertTrue(details.out().contains("task.metric_params: relative, absolute"), details.out());
        assertTrue(details.out().contains("task.sample_weights: supported"), details.out());
    }

    @Test
    void pluginsDetailsPrintsTheSettings() {
        Result r = run(BUILTINS, "plugins", "--details", "pqt");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("gradient estimator 'pqt' (estimator.type)\n"), r.out());
        assertTrue(r.out().matches("(?s).*\n  pqt_k +integer +10 +at least 1 +size of the priority queue.*"), r.out());
        assertTrue(r.out().contains("keys dsr4j reads in the same section for every gradient estimator:"), r.out());
        assertTrue(r.out().matches("(?s).*\n  learning_rate +number +5.0e-4.*"), r.out());
        Result meld = run(BUILTINS, "plugins", "--details", "gp_meld");
        assertEquals(0, meld.exit(), meld.err());
        assertTrue(meld.out().startsWith("batch augmenter 'gp_meld' (gp_meld.type)\n"), meld.out());
        assertTrue(meld.out().matches("(?s).*\n  population_size +integer +100 .*\n  train_n +integer +50 .*"), meld.out());
        assertTrue(meld.out().matches("(?s).*every batch augmenter:\n  on +boolean +false .*"), meld.out());
        Result prior = run(BUILTINS, "plugins", "--details", "length");
        assertTrue(prior.out().matches("(?s).*\n  max_ +integer or null +64 .*"), prior.out());
        Result none = run(BUILTINS, "plugins", "--details", "lenght");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("did you mean 'length'?"), none.err());
    }

    @Test
    void yamlSyntaxError() throws Exception {
        Path f = file("task:\n  dataset: Nguyen-1\n  function_set: [add, mul\ntraining:\n  batch_size: 3\n");
        Result r = run("config", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("dsr: error: " + f + ":4:9: invalid YAML: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void duplicateKey() throws Exception {
        Path f = file("training:\n  batch_size: 5\n  batch_size: 6\n");
        String err = userError(run("config", f.toString()), f + ":3:3", "training.batch_size");
        assertTrue(err.contains("duplicate key (first defined at " + f + ":2:3)"), err);
    }

    @Test
    void missingFile() {
        Result r = run("config", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.exit());
        assertEquals("dsr: error: " + dir.resolve("nope.yaml") + ": configuration file not found (looked for "
                + dir.resolve("nope.yaml").toAbsolutePath() + ")\n", r.err());
    }

    @Test
    void unknownSection() throws Exception {
        Path f = file("task: {dataset: Nguyen-2}\ntrainng:\n  batch_size: 5\n");
        String err = userError(run("config", f.toString()), f + ":2:1", "trainng");
        assertTrue(err.contains("unknown section (did you mean 'training'?); allowed sections: "), err);
    }

    @Test
    void unknownKeyInSection() throws Exception {
        Path f = file("training:\n  n_sample: 5\n");
        String err = userError(run("config", f.toString()), f + ":2:3", "training.n_sample");
        assertTrue(err.contains("unknown key (did you mean 'n_samples'?); allowed keys: "), err);
    }

    @Test
    void wrongType() throws Exception {
        Path f = file("training:\n  batch_size: lots\n");
        String err = userError(run("config", f.toString()), f + ":2:15", "training.batch_size");
        assertTrue(err.contains("expected an integer but found 'lots'"), err);
    }

    @Test
    void runWithoutAnOutputFolderIsAUserError() throws Exception {
        Path f = file("experiment:\n  logdir: null\n");
        String err = userError(run(BUILTINS, "run", f.toString()), f + ":2:11", "experiment.logdir");
        assertTrue(err.contains("--out DIR"), err);
    }

    @Test
    void outOfRange() throws Exception {
        Path f = file("task:\n  threshold: -1\n");
        String err = userError(run("config", f.toString()), f + ":2:14", "task.threshold");
        assertTrue(err.contains("value -1.0 is out of range; allowed: a number > 0"), err);
    }

    @Test
    void unknownPluginNames() throws Exception {
        Path f = file("policy: {type: lsmt}\n");
        String err = userError(run("config", f.toString()), f + ":1:16", "policy.type");
        assertTrue(err.contains("unknown policy 'lsmt' (did you mean 'lstm'?); available: lstm"), err);

        f = file("estimator:\n  type: risk-seeking\n");
        userError(run("config", f.toString()), f + ":2:9", "estimator.type");

        f = file("task:\n  metric: nrmse\n");
        err = userError(run("config", f.toString()), f + ":2:11", "task.metric");
        assertTrue(err.contains("unknown reward 'nrmse' (did you mean 'inv_nrmse'?)"), err);

        f = file("prior:\n  soft_lenght: {loc: 5}\n");
        err = userError(run("config", f.toString()), f + ":2:3", "prior.soft_lenght");
        assertTrue(err.contains("(did you mean 'soft_length'?)"), err);

        f = file("task:\n  function_set: [add, mul, tanh]\n");
        err = userError(run("config", f.toString()), f + ":2:28", "task.function_set");
        assertTrue(err.contains("unknown token 'tanh' (did you mean 'sin'?)") || err.contains("unknown token 'tanh';"), err);

        err = userError(run("config", "--set", "task.function_set=Kosa"), "command line (--set task.function_set=Kosa)",
                "task.function_set");
        assertTrue(err.contains("unknown function set 'Kosa' (did you mean 'Koza'?)"), err);

        assertEquals(0, run("config", f.toString(), "--no-names").exit(), "--no-names skips the name checks");
    }

    @Test
    void badSetSyntax() {
        Result r = run("config", "--set", "training.batch_size");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("dsr: error: command line (--set training.batch_size): expected --set "
                + "path.to.key=value"), r.err());
        String err = userError(run("config", "--set", "training.batch_size=0"),
                "command line (--set training.batch_size=0)", "training.batch_size");
        assertTrue(err.contains("allowed: an integer >= 1"), err);
        Result yaml = run("config", "--set", "task.function_set=[add,mul");
        assertEquals(2, yaml.exit());
        assertTrue(yaml.err().startsWith("dsr: error: command line (--set task.function_set=[add,mul): invalid YAML"),
                yaml.err());
    }

    @Test
    void unexpectedFailuresExitWith1AndAStackTrace() {
        Result r = run("boom");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("dsr: internal error: java.lang.IllegalStateException: kaput"), r.err());
        assertTrue(r.err().contains("\tat io.dsr4j.train.cli.DsrCliTest$Boom.call"), r.err());
        Result w = run("wrapped");
        assertEquals(2, w.exit(), "a ConfigException inside another exception is still a user error");
        assertEquals("dsr: error: data.csv:3: bad row\n", w.err());
    }

    @Test
    void extraSubcommandsSeeTheRoot() {
        List<Object> seen = new ArrayList<>();
        @Command(name = "probe")
        class Probe implements Runnable {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            public void run() { seen.add(DsrCli.of(spec).plugins()); }
        }
        CommandLine cl = DsrCli.commandLine(new DsrCli(REGISTRY), new Probe());
        assertEquals(0, cl.execute("probe"));
        assertEquals(List.of(REGISTRY), seen);
    }
}
