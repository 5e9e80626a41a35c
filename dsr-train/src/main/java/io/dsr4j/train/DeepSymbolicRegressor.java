package io.dsr4j.train;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigLoader;
import io.dsr4j.api.config.DsrConfig;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.plugin.PluginRegistry;
import io.dsr4j.programs.eval.CompiledProgram;
import io.dsr4j.programs.eval.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Library entry point, the same engine as {@code ./dsr run}:
 * <pre>{@code
 * DeepSymbolicRegressor dsr = DeepSymbolicRegressor.builder()
 *         .set("training.n_samples", 200_000)
 *         .set("task.function_set", List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log"))
 *         .onIteration((stats, trainer) -> System.out.println(stats.rBest()))
 *         .build();
 * dsr.fit(X, y);                       // X[row][var]
 * System.out.println(dsr.bestExpression().infix());
 * double[] yHat = dsr.predict(X);
 * }</pre>
 * Without a test set, success is judged on the training data (as the reference's sklearn wrapper does).
 */
public final class DeepSymbolicRegressor {

    /** A fitted expression in every output format. */
    public record Expression(String infix, String latex, String sympy, String traversal, double reward,
                             double complexity) { }

    private final DsrConfig config;
    private final PluginRegistry registry;
    private final long seed;
    private final List<Trainer.Listener> listeners;
    private Experiment experiment;

    private DeepSymbolicRegressor(DsrConfig config, PluginRegistry registry, long seed, List<Trainer.Listener> listeners) {
        this.config = config;
        this.registry = registry;
        this.seed = seed;
        this.listeners = List.copyOf(listeners);
    }

    public static Builder builder() { return new Builder(); }

    /** Fits on rows {@code x[row][var]} and targets {@code y}; returns this. */
    public DeepSymbolicRegressor fit(double[][] x, double[] y) {
        return fit(x, y, null, null);
    }

    /** Fits with a held-out test set for the success criterion and test metrics (either may be null). */
    public DeepSymbolicRegressor fit(double[][] x, double[] y, double[][] xTest, double[] yTest) {
        double[][] cols = columns(x, y.length, "x");
        double[][] testCols = xTest == null ? cols : columns(xTest, yTest.length, "xTest");
        double[] yt = yTest == null ? y : yTest;
        Dataset d = new Dataset("regression", cols, y.clone(), testCols, yt.clone(), yt.clone(), null, null);
        if (experiment != null) experiment.close();
        experiment = Experiment.build(config, registry, seed, d);
        Trainer t = experiment.trainer();
        listeners.forEach(t::addListener);
        t.run(() -> Thread.currentThread().isInterrupted());
        return this;
    }

    /** Predictions of the best expression (NaN rows where it is not finite). */
    public double[] predict(double[][] x) {
        ProgramRecord best = requireFitted().best();
        double[][] cols = columns(x, x.length, "x");
        CompiledProgram p = CompiledProgram.compile(best.traversal(), experiment.library());
        double[] out = p.evaluate(cols, x.length, best.constants(), new Workspace());
        if (out == null) {
            double[] nan = new double[x.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return Arrays.copyOf(out, x.length);
    }

    /** The highest-reward expression found. */
    public Expression bestExpression() {
        return expression(requireFitted().best());
    }

    /** Complexity-versus-reward Pareto front, simplest first. */
    public List<Expression> paretoFront() {
        List<Expression> out = new ArrayList<>();
        for (ProgramRecord p : requireFitted().paretoFront().front()) out.add(expression(p));
        return out;
    }

    /** Hall of fame, best first. */
    public List<Expression> hallOfFame() {
        List<Expression> out = new ArrayList<>();
        for (ProgramRecord p : requireFitted().hallOfFame().programs()) out.add(expression(p));
        return out;
    }

    /** True if the best expression met the success threshold on the test data. */
    public boolean success() { return requireFitted().success(); }

    /** The trainer of the last fit (statistics, counters). */
    public Trainer trainer() { return requireFitted(); }

    private Expression expression(ProgramRecord p) {
        ProgramScorer s = experiment.trainer().scorer();
        return new Expression(s.infix(p.traversal(), p.constants()), s.latex(p.traversal(), p.constants()),
                s.sympy(p.traversal(), p.constants()), s.traversalString(p.traversal(), p.constants()), p.reward(),
                p.complexity());
    }

    private Trainer requireFitted() {
        if (experiment == null || experiment.trainer().best() == null) {
            throw new IllegalStateException("call fit(...) first");
        }
        return experiment.trainer();
    }

    private static double[][] columns(double[][] rows, int n, String what) {
        if (rows.length != n) throw new ConfigException(what + " has " + rows.length + " rows but y has " + n);
        if (n == 0) throw new ConfigException(what + " is empty");
        int d = rows[0].length;
        double[][] cols = new double[d][n];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != d) throw new ConfigException(what + " row " + i + " has " + rows[i].length + " values, expected " + d);
            for (int j = 0; j < d; j++) cols[j][i] = rows[i][j];
        }
        return cols;
    }

    /** Configuration: built-in defaults, optionally a YAML file, then overrides. */
    public static final class Builder {
        private Path file;
        private final List<String> sets = new ArrayList<>();
        private final java.util.LinkedHashMap<String, Object> values = new java.util.LinkedHashMap<>();
        private PluginRegistry registry;
        private Long seed;
        private final List<Trainer.Listener> listeners = new ArrayList<>();

        /** Start from a YAML configuration file. */
        public Builder configFile(Path yaml) { this.file = yaml; return this; }

        /** Override one key with a Java value ({@code "training.n_samples", 100000}). */
        public Builder set(String keyPath, Object value) { values.put(keyPath, value); return this; }

        /** Override one key with a YAML value, like {@code --set} ({@code "prior.length.max_=30"}). */
        public Builder set(String assignment) { sets.add(assignment); return this; }

        public Builder seed(long s) { this.seed = s; return this; }

        public Builder plugins(PluginRegistry r) { this.registry = r; return this; }

        /** Called after every iteration (progress, custom logging, early interruption via the thread). */
        public Builder onIteration(Trainer.Listener l) { listeners.add(l); return this; }

        public DeepSymbolicRegressor build() {
            DsrConfig c = ConfigLoader.load(file, sets);
            for (var e : values.entrySet()) c = c.with(e.getKey(), e.getValue());
            PluginRegistry r = registry != null ? registry : PluginRegistry.load();
            return new DeepSymbolicRegressor(c, r, seed != null ? seed : c.experiment().seed(), listeners);
        }
    }
}
