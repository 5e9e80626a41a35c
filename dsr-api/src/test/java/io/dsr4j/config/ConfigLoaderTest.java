package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private ConfigException fails(String yaml, String... sets) throws Exception {
        Path f = file(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(f, List.of(sets)));
    }

    @Test
    void defaultsAloneAreDsosRegressionDefaults() {
        DsrConfig c = ConfigLoader.load(null, List.of());
        assertEquals(new ExperimentConfig(0, "./runs", null), c.experiment());
        TaskConfig t = c.task();
        assertEquals("regression", t.taskType());
        assertEquals("Nguyen-1", t.dataset());
        assertTrue(t.usesBenchmarkFunctionSet());
        assertEquals("inv_nrmse", t.metric());
        assertEquals(List.of(1.0), t.metricParams());
        assertEquals(1e-12, t.threshold());
        assertFalse(t.protectedMode());
        assertEquals(0.0, t.noise());
        assertEquals(1.0, t.dataFactor());
        assertNull(t.target());
        TrainingConfig tr = c.training();
        assertEquals(2_000_000L, tr.nSamples());
        assertEquals(1000, tr.batchSize());
        assertTrue(tr.earlyStopping());
        assertEquals(1, tr.nThreads());
        assertEquals("token", tr.complexity());
        assertEquals("lm", tr.constOptimizer().type());
        assertTrue(tr.checkpointEvery().isOff());
        assertEquals(new LoggingConfig(100, true, 1, LoggingConfig.Progress.AUTO, 10, true), c.logging());
        assertEquals("lstm", c.policy().type());
        assertEquals(Map.of("type", "lstm", "max_length", 64L), c.policy().node().toPlain(),
                "the policy plugin brings its own keys and defaults; the core defaults hold what dsr4j reads");
        assertEquals("risk_seeking", c.estimator().type());
        assertEquals(List.of("length", "repeat", "inverse", "trig", "const", "no_inputs", "uniform_arity", "soft_length"),
                c.enabledPriors().stream().map(PriorSection::name).toList());
        assertEquals(Map.of("on", true), c.enabledPriors().get(0).node().toPlain(), "min_/max_ come with the prior");
    }

    @Test
    void fileMergesOverDefaultsListsReplaceMapsMerge() throws Exception {
        DsrConfig c = ConfigLoader.load(file("""
                task:
                  dataset: Nguyen-5
                  function_set: [add, mul, sin, 1.0, const]
                training:
                  batch_size: 500
                  checkpoint: {every: 10m}
                prior:
                  length: {max_: 30}
                  trig: false
                  no_nested_sinc: {}
                """), List.of());
        assertEquals("Nguyen-5", c.task().dataset());
        assertEquals(List.of("add", "mul", "sin", "1.0", "const"), c.task().functionSet());
        assertEquals("inv_nrmse", c.task().metric(), "untouched keys keep their default");
        assertEquals(500, c.training().batchSize());
        assertEquals(Duration.ofMinutes(10), c.training().checkpointEvery().duration());
        PriorSection length = c.priors().get(0);
        assertEquals(Map.of("on", true, "max_", 30L), length.node().toPlain());
        PriorSection trig = c.priors().stream().filter(p -> p.name().equals("trig")).findFirst().orElseThrow();
        assertFalse(trig.on());
        PriorSection sinc = c.priors().get(c.priors().size() - 1);
        assertEquals("no_nested_sinc", sinc.name());
        assertTrue(sinc.on(), "a prior entry the user writes is on unless it says on: false");
        assertTrue(sinc.userWritten());
        assertEquals(dir.toAbsolutePath(), c.configDir());
        assertEquals(new Location(dir.resolve("exp.yaml").toString(), 2, 12), c.locationOf("task.dataset"));
    }

    @Test
    void setOverridesComeLastAndParseYamlValues() throws Exception {
        DsrConfig c = ConfigLoader.load(file("training: {batch_size: 500}\n"), List.of(
                "training.batch_size=250", "task.function_set=[add,mul,sin]", "prior.length.max_=30",
                "task.target=", "training.checkpoint.every=100", "experiment.exp_name=demo run",
                "task.function_set=[add,mul,sin,cos]"));
        assertEquals(250, c.training().batchSize());
        assertEquals(List.of("add", "mul", "sin", "cos"), c.task().functionSet());
        assertEquals(30L, ConfigNode.find(c.tree(), "prior.length.max_").toPlain());
        assertNull(c.task().target());
        assertEquals(100, c.training().checkpointEvery().iterations());
        assertEquals("demo run", c.experiment().expName());
        assertEquals("command line (--set training.batch_size=250)", c.locationOf("training.batch_size").toString());
    }

    @Test
    void namedAndCommaSeparatedFunctionSets() {
        DsrConfig named = ConfigLoader.load(null, List.of("task.function_set=Koza"));
        assertEquals("Koza", named.task().functionSetName());
        assertNull(named.task().functionSet());
        DsrConfig comma = ConfigLoader.load(null, List.of("task.function_set=add,mul,1.5"));
        assertEquals(List.of("add", "mul", "1.5"), comma.task().functionSet());
        assertNull(comma.task().functionSetName());
    }

    @Test
    void unknownTopLevelSectionNamesFileLineAndSuggests() throws Exception {
        ConfigException e = fails("task:\n  dataset: Nguyen-1\ntrainig:\n  batch_size: 10\n");
        assertEquals(dir.resolve("exp.yaml") + ":3:1: key 'trainig': unknown section (did you mean 'training'?); "
                + "allowed sections: experiment, task, training, policy, estimator, prior, gp_meld, logging", e.getMessage());
        ConfigException dso = fails("policy_optimizer:\n  learning_rate: 0.001\n");
        assertTrue(dso.getMessage().contains("dsr4j's 'estimator' section"), dso.getMessage());
    }

    @Test
    void unknownKeysArePlacedAtTheKeyNotItsValue() throws Exception {
        // flow mapping: the key n_sampels starts at column 12, its value at column 23
        ConfigException flow = fails("task: {dataset: Nguyen-1}\ntraining: {n_sampels: 5}\n");
        assertTrue(flow.getMessage().startsWith(dir.resolve("exp.yaml") + ":2:12: key 'training.n_sampels': unknown key "
                + "(did you mean 'n_samples'?)"), flow.getMessage());
        // a wrong value is still placed at the value
        ConfigException value = fails("training: {n_samples: -5}\n");
        assertTrue(value.getMessage().startsWith(dir.resolve("exp.yaml") + ":1:23: key 'training.n_samples': "), value.getMessage());
        // a key that came in through a merge key is placed where it was written (in the anchored mapping)
        ConfigException merged = fails("experiment: &e {seed: 3}\ntraining:\n  <<: *e\n");
        assertTrue(merged.getMessage().startsWith(dir.resolve("exp.yaml") + ":1:17: key 'training.seed': unknown key"),
                merged.getMessage());
        // an unknown section whose value is a scalar
        ConfigException section = fails("trainig: 5\n");
        assertTrue(section.getMessage().startsWith(dir.resolve("exp.yaml") + ":1:1: key 'trainig': unknown section"),
                section.getMessage());
        // keys set on the command line are placed there
        ConfigException set = fails("task: {dataset: Nguyen-1}\n", "training.n_sampels=5");
        assertTrue(set.getMessage().startsWith("command line (--set training.n_sampels=5): key 'training.n_sampels': "
                + "unknown key"), set.getMessage());
        // a file key over a default section: the key of the file
        ConfigException overDefaults = fails("training:\n  batch_size: 10\n  n_sampels: 5\n", "training.batch_size=20");
        assertTrue(overDefaults.getMessage().startsWith(dir.resolve("exp.yaml") + ":3:3: key 'training.n_sampels'"),
                overDefaults.getMessage());
    }

    @Test
    void unknownKeyInAFixedSectionSuggestsAndListsAllowedKeys() throws Exception {
        ConfigException e = fails("training:\n  batch_szie: 10\n");
        String m = e.getMessage();
        assertTrue(m.startsWith(dir.resolve("exp.yaml") + ":2:3: key 'training.batch_szie': unknown key "
                + "(did you mean 'batch_size'?); allowed keys: "), m);
        assertTrue(m.contains("n_samples") && m.contains("checkpoint") && m.contains("const_optimizer"), m);
        ConfigException moved = fails("training:\n  epsilon: 0.1\n");
        assertTrue(moved.getMessage().contains("key 'training.epsilon': unknown key; dsr4j reads this setting as "
                + "'estimator.epsilon'"), moved.getMessage());
        ConfigException nested = fails("training:\n  checkpoint: {evry: 5}\n");
        assertTrue(nested.getMessage().contains("key 'training.checkpoint.evry': unknown key (did you mean 'every'?)"),
                nested.getMessage());
    }

    @Test
    void wrongTypesNameTheKeyAndWhatWasFound() throws Exception {
        Path f = dir.resolve("exp.yaml");
        assertEquals(f + ":2:15: key 'training.batch_size': expected an integer but found 'many'",
                fails("training:\n  batch_size: many\n").getMessage());
        assertEquals(f + ":2:19: key 'training.early_stopping': expected true or false but found 'yes'",
                fails("training:\n  early_stopping: yes\n").getMessage());
        assertTrue(fails("training: 5\n").getMessage().startsWith(f + ":1:11: key 'training': expected a mapping"));
        assertTrue(fails("task:\n  dataset: [a, b]\n").getMessage()
                .startsWith(f + ":2:3: key 'task.dataset': expected a string but found a list"));
        assertTrue(fails("task:\n  function_set: 3\n").getMessage()
                .contains("key 'task.function_set': expected a list of tokens but found '3'"));
        assertTrue(fails("training:\n  batch_size: null\n").getMessage()
                .contains("key 'training.batch_size': must not be null; allowed: an integer >= 1"));
        assertTrue(fails("policy:\n  type: null\n").getMessage().contains("key 'policy.type': missing"));
        assertTrue(fails("prior:\n  length: {on: 1}\n").getMessage()
                .contains("key 'prior.length.on': expected true or false but found '1'"));
        assertTrue(fails("logging:\n  progress: fancy\n").getMessage()
                .contains("key 'logging.progress': 'fancy' is not allowed; allowed: auto, bar, lines, off"));
    }

    @Test
    void outOfRangeValuesSayWhatIsAllowed() throws Exception {
        Path f = dir.resolve("exp.yaml");
        assertEquals(f + ":2:15: key 'training.batch_size': value 0 is out of range; allowed: an integer >= 1",
                fails("training:\n  batch_size: 0\n").getMessage());
        assertEquals(f + ":2:14: key 'training.n_samples': value -5 is out of range; allowed: an integer >= 1",
                fails("training:\n  n_samples: -5\n").getMessage());
        assertTrue(fails("training:\n  n_threads: 0\n").getMessage().contains("key 'training.n_threads': value 0"));
        assertTrue(fails("task:\n  threshold: 0\n").getMessage()
                .contains("key 'task.threshold': value 0.0 is out of range; allowed: a number > 0"));
        assertTrue(fails("task:\n  noise: -0.1\n").getMessage()
                .contains("key 'task.noise': value -0.1 is out of range; allowed: a finite number >= 0"));
        assertTrue(fails("training:\n  checkpoint: {every: 10 minutes}\n").getMessage()
                .contains("key 'training.checkpoint.every': '10 minutes' is not a checkpoint interval; allowed: "));
        assertTrue(fails("training:\n  batch_size: 3000000000\n").getMessage()
                .contains("key 'training.batch_size': value 3000000000 is out of range"));
    }

    @Test
    void badSetSyntaxIsExplained() {
        ConfigException noEq = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("training.batch_size")));
        assertEquals("command line (--set training.batch_size): " + ConfigLoader.SET_USAGE, noEq.getMessage());
        ConfigException badKey = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, List.of("training..x=1")));
        assertTrue(badKey.getMessage().contains("'training..x' is not a key path"), badKey.getMessage());
        ConfigException badValue = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, List.of("task.function_set=[add,mul")));
        assertTrue(badValue.getMessage().startsWith("command line (--set task.function_set=[add,mul): invalid YAML: "),
                badValue.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, List.of("trainig.batch_size=3")));
        assertTrue(unknown.getMessage().startsWith("command line (--set trainig.batch_size=3): key 'trainig': "
                + "unknown section (did you mean 'training'?)"), unknown.getMessage());
        ConfigException range = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, List.of("training.batch_size=-1")));
        assertTrue(range.getMessage().startsWith("command line (--set training.batch_size=-1): key "
                + "'training.batch_size': value -1 is out of range"), range.getMessage());
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, List.of()));
        assertTrue(e.getMessage().startsWith(missing + ": configuration file not found"), e.getMessage());
    }

    @Test
    void resolvedYamlLoadsBackToAnEqualConfig() throws Exception {
        DsrConfig c = ConfigLoader.load(file("""
                experiment: {exp_name: "1.5", seed: 7}
                task:
                  dataset: data/my file.csv
                  function_set: [add, mul, 1.0, 2, "3", const, 'yes']
                  metric_params: [1.0]
                  threshold: 1e-10
                  target: y
                training:
                  checkpoint: {every: 90s}
                  const_optimizer: {type: lm, tol: .inf}
                prior:
                  relational:
                    - {targets: [sin], effectors: [cos], relationship: child}
                    - {targets: [exp], effectors: [log], relationship: descendant, on: false}
                  trig: false
                """), List.of("policy.num_units=64", "experiment.logdir='with: colon # and \"quotes\"\tand a tab'"));
        String yaml = c.resolvedYaml();
        Path written = dir.resolve("run").resolve("config.yaml");
        Files.createDirectories(written.getParent());
        Files.writeString(written, yaml);
        DsrConfig back = ConfigLoader.load(written, List.of());
        assertEquals(c, back, yaml);
        assertEquals(c.toMap(), back.toMap());
        assertEquals(yaml, back.resolvedYaml());
        assertEquals("1.5", back.experiment().expName());
        assertEquals("with: colon # and \"quotes\"\tand a tab", back.experiment().logdir());
        assertEquals(List.of("add", "mul", "1.0", "2", "3", "const", "yes"), back.task().functionSet());
        assertEquals(Duration.ofSeconds(90), back.training().checkpointEvery().duration());
        assertEquals(2, back.priors().stream().filter(p -> p.name().equals("relational")).count());
        // keys of other plugins at their default value are not "unknown" for the chosen plugin
        back.estimator().params().requireAllUsed();
    }

    @Test
    void pluginSectionsRejectChangedKeysNobodyReads() throws Exception {
        DsrConfig c = ConfigLoader.load(file("estimator:\n  type: vanilla\n  pqt_k: 20\n  learning_rate: 0.01\n"), List.of());
        Params p = c.estimator().params();
        assertEquals(0.01, p.getDouble("learning_rate", 0));
        ConfigException e = assertThrows(ConfigException.class, p::requireAllUsed);
        assertTrue(e.getMessage().contains(":3:3: key 'estimator.pqt_k': unknown key"), e.getMessage());
    }

    @Test
    void programmaticApi() {
        DsrConfig c = ConfigLoader.fromMap(Map.of(
                "task", Map.of("dataset", "Nguyen-2", "function_set", List.of("add", "mul", 1.0)),
                "training", Map.of("n_samples", 20_000, "batch_size", 100)));
        assertEquals(List.of("add", "mul", "1.0"), c.task().functionSet());
        assertEquals(20_000, c.training().nSamples());
        DsrConfig seeded = c.with("experiment.seed", 5);
        assertEquals(5, seeded.experiment().seed());
        assertEquals(0, c.experiment().seed(), "configs are immutable");
        assertEquals(64, c.withOverrides(List.of("policy.num_units=64")).policy().params().getInt("num_units", 0));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromMap(Map.of("training", Map.of("batch_sise", 3))));
        assertTrue(e.getMessage().startsWith("Java configuration: key 'training.batch_sise': unknown key"), e.getMessage());
        assertEquals(c, ConfigLoader.fromYaml(c.resolvedYaml(), "string"));
    }

    @Test
    void datasetPathsResolveAgainstTheFileThatSetThem() throws Exception {
        DsrConfig c = ConfigLoader.load(file("task: {dataset: data/train.csv}\n"), List.of());
        assertEquals(dir.resolve("data/train.csv").toAbsolutePath().normalize(), c.resolvePath("task.dataset"));
        assertEquals(dir.toAbsolutePath(), c.datasetRequest().baseDir());
        DsrConfig cli = ConfigLoader.load(file("task: {dataset: x.csv}\n"), List.of("task.dataset=data/cli.csv"));
        assertEquals(Path.of("data/cli.csv").toAbsolutePath().normalize(), cli.resolvePath("task.dataset"));
        assertEquals("data/cli.csv", cli.datasetRequest().spec());
    }
}
