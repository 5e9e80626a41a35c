package io.dsr4j.train;

import io.dsr4j.api.augment.AugmenterContext;
import io.dsr4j.api.augment.BatchAugmenter;
import io.dsr4j.api.augment.BatchAugmenterFactory;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.ConstantOptimizerFactory;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.data.DatasetProvider;
import io.dsr4j.api.data.DatasetRequest;
import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.plugin.RunServices;
import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.reward.ComplexityMeasure;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.settings.FrameworkKeys;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.ChunkRunner;
import io.dsr4j.api.util.Rng;
import io.dsr4j.config.ConfigValidator;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.config.PluginSection;
import io.dsr4j.config.TaskConfig;
import io.dsr4j.config.TrainingConfig;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.data.SampleWeightsReader;
import io.dsr4j.programs.prior.PriorSet;
import io.dsr4j.programs.task.RegressionTask;
import io.dsr4j.programs.token.LibraryBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything one seed of a run needs, built from a configuration through the plugin registry: data, library,
 * reward, constant optimiser, task, priors, policy, estimator and the trainer. All plugin names and plugin keys
 * are resolved here, so a bad configuration fails before any work starts.
 */
public final class Experiment implements AutoCloseable {

    /** Function set used for user data when none is given (the reference's regression default). */
    public static final String DEFAULT_FUNCTION_SET = "Koza";

    private final DsrConfig config;
    private final long seed;
    private final Dataset dataset;
    private final Library library;
    private final RegressionTask task;
    private final PriorSet priors;
    private final Policy policy;
    private final GradientEstimator estimator;
    private final Trainer trainer;
    private final ChunkRunner workers;

    private Experiment(DsrConfig config, long seed, Dataset dataset, Library library, RegressionTask task,
                       PriorSet priors, Policy policy, GradientEstimator estimator, Trainer trainer,
                       ChunkRunner workers) {
        this.config = config;
        this.seed = seed;
        this.dataset = dataset;
        this.library = library;
        this.task = task;
        this.priors = priors;
        this.policy = policy;
        this.estimator = estimator;
        this.trainer = trainer;
        this.workers = workers;
    }

    /** Builds the experiment for one seed (its dataset is resolved from the configuration). */
    public static Experiment build(DsrConfig config, PluginRegistry registry, long seed) {
        return build(config, registry, seed, loadDataset(config, registry));
    }

    /** Builds the experiment for one seed on the given data (Java API, tests). */
    public static Experiment build(DsrConfig config, PluginRegistry registry, long seed, Dataset dataset) {
        config = config.withPlugins(registry);
        TaskConfig tc = config.task();
        TrainingConfig tr = config.training();
        Library library = buildLibrary(config, registry, dataset);
        // The run's own injector: factories may @Inject the run's services (library, data, seed streams).
        registry = registry.forRun(new RunServices(library, dataset, seed));

        RewardFactory rf = registry.require(PluginKind.REWARD, tc.metric(), config.locationOf("task.metric"), "task.metric");
        ConfigValidator.checkMetricParams(config, rf);
        Path weightsFile = config.resolvePath("task.sample_weights");
        double[] weights = weightsFile == null ? null : SampleWeightsReader.read(weightsFile, dataset.trainSize(),
                config.locationOf("task.sample_weights"));
        Metric metric = rf.create(dataset.yTrain(), ConfigValidator.metricParams(config, rf), weights);

        PluginSection co = tr.constOptimizer();
        ConstantOptimizerFactory cof = registry.require(PluginKind.CONSTANT_OPTIMIZER, co.type(), co.typeLocation(), co.typeKeyPath());
        Params coParams = co.params();
        ConstantOptimizer optimizer = cof.create(coParams);
        coParams.requireAllUsed();

        RegressionTask task = new RegressionTask(dataset, library, metric, optimizer, tc.threshold(), tc.protectedMode(),
                new io.dsr4j.programs.poly.PolyFitOptions(tc.polyDegree(), tc.polyCoefTol()),
                weights);

        Rng seeds = new Rng(seed);
        PluginSection pol = config.policy();
        Params polParams = pol.params();
        int policyMaxLength = FrameworkKeys.MAX_LENGTH.read(polParams);
        PriorSet priors = PriorSet.build(config.priors(), registry.priors(), library, dataset, policyMaxLength);

        PluginSection est = config.estimator();
        Params estParams = est.params();
        double lr = FrameworkKeys.LEARNING_RATE.read(estParams);
        String opt = FrameworkKeys.OPTIMIZER.read(estParams);
        double entW = FrameworkKeys.ENTROPY_WEIGHT.read(estParams);
        double gamma = FrameworkKeys.ENTROPY_GAMMA.read(estParams);
        OptimizerSpec spec = switch (opt) {
            case "rmsprop" -> new OptimizerSpec("rmsprop", lr, 0.0, 0.99, 1e-10);
            case "sgd" -> new OptimizerSpec("sgd", lr, 0, 0, 0);
            default -> OptimizerSpec.adam(lr);
        };
        PolicyFactory pf = registry.require(PluginKind.POLICY, pol.type(), pol.typeLocation(), pol.typeKeyPath());
        // One set of worker threads for the run: the policy's sampling and training and the trainer's scoring take
        // turns on it, so idle workers spin between the phases instead of being woken for each.
        ChunkRunner workers = new ChunkRunner(tr.nThreads());
        try {
            Policy policy = pf.create(new PolicyContext(priors.environment(), seeds.split(1).nextLong(), tr.nThreads(),
                    spec, workers), polParams);
            polParams.requireAllUsed();

            EstimatorFactory ef = registry.require(PluginKind.GRADIENT_ESTIMATOR, est.type(), est.typeLocation(), est.typeKeyPath());
            GradientEstimator estimator = ef.create(new EstimatorContext(entW, gamma, seeds.split(2).nextLong(), tr.batchSize()), estParams);
            estParams.requireAllUsed();

            TrainerSettings settings = new TrainerSettings(tr.nSamples(), tr.batchSize(), tr.earlyStopping(), tr.nThreads(),
                    tr.cacheCapacity(), config.logging().hof(), tr.checkpointEvery().iterations(),
                    tr.checkpointEvery().duration());
            BatchAugmenter augmenter = buildAugmenter(config, registry, priors, seeds.split(4).nextLong());
            ComplexityMeasure complexity = registry.require(PluginKind.COMPLEXITY, tr.complexity(),
                    config.locationOf("training.complexity"), "training.complexity");
            RegressionScorer scorer = new RegressionScorer(task, library, complexity, tr.nThreads());
            Trainer trainer = new Trainer(settings, policy, estimator, scorer, library.size(), seeds.split(3).nextLong(),
                    augmenter, workers);
            return new Experiment(config, seed, dataset, library, task, priors, policy, estimator, trainer, workers);
        } catch (RuntimeException | Error e) {
            workers.close();
            throw e;
        }
    }

    /** The {@code gp_meld} section's batch augmenter when {@code on: true}, else null (its keys are then not read). */
    private static BatchAugmenter buildAugmenter(DsrConfig config, PluginRegistry registry, PriorSet priors, long seed) {
        PluginSection section = config.gpMeld();
        Params params = section.params();
        if (!FrameworkKeys.AUGMENTER_ON.read(params)) return null;
        BatchAugmenterFactory f = registry.require(PluginKind.BATCH_AUGMENTER, section.type(), section.typeLocation(),
                section.typeKeyPath());
        BatchAugmenter a = f.create(new AugmenterContext(priors.environment(), registry.gpOperators(), seed), params);
        params.requireAllUsed();
        return a;
    }

    /** Resolves {@code task.dataset} through the dataset plugins. */
    public static Dataset loadDataset(DsrConfig config, PluginRegistry registry) {
        DatasetRequest req = config.datasetRequest();
        for (DatasetProvider p : registry.datasets().values()) {
            if (p.accepts(req.spec())) return p.load(req);
        }
        List<String> known = new ArrayList<>();
        for (DatasetProvider p : registry.datasets().values()) known.addAll(p.knownNames());
        Location at = config.locationOf("task.dataset");
        throw ConfigException.at(at == null ? Location.DEFAULTS : at, "task.dataset",
                "'" + req.spec() + "' is neither a known benchmark" + Suggestions.hint(req.spec(), known)
                        + " nor a path ending in .csv; `./dsr benchmarks` lists the benchmarks");
    }

    /** Library: inputs x1..xn, then the configured, the named, or the benchmark's own function set. */
    public static Library buildLibrary(DsrConfig config, PluginRegistry registry, Dataset dataset) {
        TaskConfig tc = config.task();
        List<String> fs;
        if (tc.functionSet() != null) {
            fs = tc.functionSet();
        } else if (tc.functionSetName() != null) {
            fs = functionSetByName(config, tc.functionSetName());
        } else if (dataset.functionSet() != null) {
            fs = dataset.functionSet();
        } else {
            fs = BenchmarkRegistry.get().functionSet(DEFAULT_FUNCTION_SET);
        }
        try {
            return LibraryBuilder.build(dataset.variableCount(), fs, tc.protectedMode(), registry.tokens());
        } catch (ConfigException e) {
            Location at = config.locationOf("task.function_set");
            throw new ConfigException((at == null ? "" : at + ": ") + "key 'task.function_set': " + e.getMessage(), e);
        }
    }

    private static List<String> functionSetByName(DsrConfig config, String name) {
        BenchmarkRegistry reg = BenchmarkRegistry.get();
        if (!reg.isFunctionSetName(name)) {
            Location at = config.locationOf("task.function_set");
            throw ConfigException.at(at == null ? Location.DEFAULTS : at, "task.function_set",
                    "unknown function set '" + name + "'" + Suggestions.hint(name, reg.functionSetNames())
                            + "; named sets: " + String.join(", ", new TreeSet<>(reg.functionSetNames())));
        }
        return reg.functionSet(name);
    }

    public DsrConfig config() { return config; }

    public long seed() { return seed; }

    public Dataset dataset() { return dataset; }

    public Library library() { return library; }

    public RegressionTask task() { return task; }

    public PriorSet priors() { return priors; }

    public Policy policy() { return policy; }

    public GradientEstimator estimator() { return estimator; }

    public Trainer trainer() { return trainer; }

    @Override
    public void close() {
        trainer.close();
        policy.close();
        workers.close();
    }

}
