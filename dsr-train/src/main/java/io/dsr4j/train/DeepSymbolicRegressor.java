package io.dsr4j.train;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import io.dsr4j.config.PluginRegistry;
import io.dsr4j.programs.print.ExpressionPrinter;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.train.log.IterationStats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Library entry point, the same engine as {@code ./dsr run}:
 * <pre>{@code
 * DeepSymbolicRegressor dsr = DeepSymbolicRegressor.builder()
 *         .set("training.n_samples", 200_000)
 *         .set("task.function_set", List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log"))
 *         .featureNames("mass", "velocity")
 *         .maxTime(Duration.ofMinutes(5))
 *         .stopWhen((stats, trainer) -> stats.rBest() > 0.999)
 *         .build();
 * dsr.fit(X, y);                       // X[row][feature]
 * System.out.println(dsr.bestExpression().infix());   // in the feature names
 * System.out.println(dsr.equationsTable());           // complexity, loss, test score, expression
 * double[] yHat = dsr.predict(X);      // NaN only on rows where the expression is not finite
 * double r2 = dsr.score(X, y);
 * dsr.save(Path.of("model.json"));
 * DeepSymbolicRegressor again = DeepSymbolicRegressor.load(Path.of("model.json"));
 * }</pre>
 * Without a test set, success is judged on the training data (as the reference's sklearn wrapper does).
 *
 * <p>{@link Expression#simplified()} needs {@code org.matheclipse:matheclipse-core} (Symja) on the class path, an
 * optional dependency of this artifact; without it it holds the raw forms with status {@code unavailable}.
 */
public final class DeepSymbolicRegressor {

    /**
     * A fitted expression in every output format (variables in the feature names when given).
     *
     * @param simplified simplified infix, LaTeX and SymPy forms by computer algebra (or the raw forms and why)
     */
    public record Expression(String infix, String latex, String sympy, String traversal, double reward,
                             double complexity, Simplified simplified) { }

    /**
     * One row of the equations table (as PySR's {@code equations_}): a Pareto-front expression, simplest first.
     *
     * @param complexity complexity (the run's {@code training.complexity} measure)
     * @param loss       mean squared error on the training data
     * @param testScore  R² on the test data (the training data when {@code fit} had no test set)
     * @param expression the expression
     */
    public record Equation(double complexity, double loss, double testScore, Expression expression) { }

    /** Decides after an iteration whether to stop the fit (it then ends normally, with what it found so far). */
    @FunctionalInterface
    public interface StopCondition {
        boolean shouldStop(IterationStats stats, Trainer trainer);
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DsrConfig config;
    private final PluginRegistry registry;
    private final long seed;
    private final List<Trainer.Listener> listeners;
    private final List<StopCondition> stopConditions;
    private final List<String> featureNames;
    private final Duration maxTime;
    private volatile boolean stopRequested;
    private Experiment experiment;
    private FittedModel model;
    private SymbolicMath math;                       // created on first use; guarded by this
    private final Map<String, Simplified> simplified = new HashMap<>(); // of the current model; guarded by this

    private DeepSymbolicRegressor(DsrConfig config, PluginRegistry registry, long seed, List<Trainer.Listener> listeners,
                                  List<StopCondition> stopConditions, List<String> featureNames, Duration maxTime) {
        this.config = config;
        this.registry = registry;
        this.seed = seed;
        this.listeners = List.copyOf(listeners);
        this.stopConditions = List.copyOf(stopConditions);
        this.featureNames = featureNames == null ? null : List.copyOf(featureNames);
        this.maxTime = maxTime;
    }

    private DeepSymbolicRegressor(FittedModel model, PluginRegistry registry) {
        this(ConfigLoader.fromYaml(model.settingsYaml(), "model settings"), registry, 0, List.of(), List.of(),
                model.featureNames(), null);
        this.model = model;
    }

    public static Builder builder() { return new Builder(); }

    /** Fits on rows {@code x[row][feature]} and targets {@code y}; returns this. */
    public DeepSymbolicRegressor fit(double[][] x, double[] y) {
        return fit(x, y, null, null);
    }

    /**
     * Fits with a held-out test set for the success criterion and test metrics (either may be null). Stops at the
     * budget ({@code training.n_samples}), at success (with {@code training.early_stopping}), after
     * {@link Builder#maxTime}, when a {@link Builder#stopWhen} condition holds, after {@link #requestStop()} or when
     * the calling thread is interrupted (its interrupt flag is left as it is); it then returns normally with the best
     * expression found so far.
     */
    public DeepSymbolicRegressor fit(double[][] x, double[] y, double[][] xTest, double[] yTest) {
        if (y == null || x == null) throw new ConfigException("fit needs X and y");
        double[][] cols = columns(x, y.length, "X");
        if (featureNames != null && featureNames.size() != cols.length) {
            throw new ConfigException("X has " + cols.length + " features but " + featureNames.size()
                    + " feature names were given: " + featureNames);
        }
        if ((xTest == null) != (yTest == null)) throw new ConfigException("give both xTest and yTest, or neither");
        double[][] testCols = xTest == null ? cols : columns(xTest, yTest.length, "xTest");
        if (testCols.length != cols.length) {
            throw new ConfigException("xTest has " + testCols.length + " features but X has " + cols.length);
        }
        double[] yt = yTest == null ? y : yTest;
        Dataset d = new Dataset("regression", cols, y.clone(), testCols, yt.clone(), yt.clone(), null, null);
        if (experiment != null) experiment.close();
        model = null;
        synchronized (this) {
            simplified.clear();
        }
        stopRequested = false;
        experiment = Experiment.build(config, registry, seed, d);
        Trainer t = experiment.trainer();
        listeners.forEach(t::addListener);
        boolean[] conditionMet = new boolean[1];
        if (!stopConditions.isEmpty()) {
            t.addListener((stats, tr) -> {
                for (StopCondition c : stopConditions) if (c.shouldStop(stats, tr)) conditionMet[0] = true;
            });
        }
        long deadline = maxTime == null ? Long.MAX_VALUE : System.nanoTime() + maxTime.toNanos();
        t.run(() -> stopRequested || conditionMet[0] || System.nanoTime() - deadline >= 0
                || Thread.currentThread().isInterrupted());
        if (t.best() != null) {
            model = FittedModel.of(config, experiment.library(), featureNames, t, cols, y, testCols, yt);
        }
        return this;
    }

    /**
     * Asks a running {@link #fit} to stop after the current iteration (from a listener or another thread); the fit
     * then returns normally with the best expression so far. No thread is interrupted.
     */
    public void requestStop() { stopRequested = true; }

    /** Predictions of the best expression: NaN exactly on the rows where it is not finite. */
    public double[] predict(double[][] x) {
        FittedModel m = requireModel();
        double[][] cols = columns(x, x.length, "X");
        requireFeatures(m, cols.length, "X");
        return FittedModel.predict(m.library(), m.best(), cols, x.length);
    }

    /** R² of the best expression on ({@code x}, {@code y}), as scikit-learn's {@code score}; NaN if a prediction is. */
    public double score(double[][] x, double[] y) {
        double[][] cols = columns(x, y.length, "X");
        FittedModel m = requireModel();
        requireFeatures(m, cols.length, "X");
        return FittedModel.r2(FittedModel.predict(m.library(), m.best(), cols, y.length), y);
    }

    /** The highest-reward expression found. */
    public Expression bestExpression() {
        return expression(requireModel().best());
    }

    /** Complexity-versus-reward Pareto front, simplest first. */
    public List<Expression> paretoFront() {
        List<Expression> out = new ArrayList<>();
        for (FittedModel.Equation e : requireModel().equations()) out.add(expression(e.program()));
        return out;
    }

    /** The equations table: the Pareto front with training loss and test score, simplest first. */
    public List<Equation> equations() {
        List<Equation> out = new ArrayList<>();
        for (FittedModel.Equation e : requireModel().equations()) {
            out.add(new Equation(e.program().complexity(), e.loss(), e.testScore(), expression(e.program())));
        }
        return out;
    }

    /** {@link #equations()} as a fixed-width text table, for a console or a notebook. */
    public String equationsTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%10s  %12s  %10s  %s%n", "complexity", "loss",
                "test R2", "expression"));
        for (Equation e : equations()) {
            sb.append(String.format(Locale.ROOT, "%10s  %12.6g  %10.6f  %s%n", num(e.complexity()), e.loss(),
                    e.testScore(), e.expression().infix()));
        }
        return sb.toString();
    }

    /** Hall of fame, best first (after {@link #fit} only: a loaded model keeps the best and the Pareto front). */
    public List<Expression> hallOfFame() {
        List<Expression> out = new ArrayList<>();
        for (ProgramRecord p : requireTrainer().hallOfFame().programs()) out.add(expression(p));
        return out;
    }

    /** True if the best expression met the success threshold on the test data (after {@link #fit} only). */
    public boolean success() { return requireTrainer().success(); }

    /** The trainer of the last fit (statistics, counters). */
    public Trainer trainer() { return requireTrainer(); }

    /** The fitted model (what {@link #save} writes). */
    public FittedModel model() { return requireModel(); }

    /**
     * Saves the fitted model as JSON: the best expression and the Pareto front (traversals, fitted constants, losses),
     * the feature names and the resolved settings. {@link #load} reads it back and predicts identically.
     */
    public void save(Path file) throws IOException {
        requireModel().save(file);
    }

    /** Loads a model saved by {@link #save}, with the installed plugins. */
    public static DeepSymbolicRegressor load(Path file) throws IOException {
        return load(file, PluginRegistry.load());
    }

    /** Loads a model saved by {@link #save}; its tokens are rebuilt with {@code registry}'s plugins. */
    public static DeepSymbolicRegressor load(Path file, PluginRegistry registry) throws IOException {
        return new DeepSymbolicRegressor(FittedModel.load(file, registry), registry);
    }

    private Expression expression(ProgramRecord p) {
        ExpressionPrinter pr = requireModel().printer();
        Simplified.RawForms raw = new Simplified.RawForms(pr.infix(p.traversal(), p.constants()),
                pr.latex(p.traversal(), p.constants()), pr.sympy(p.traversal(), p.constants()));
        return new Expression(raw.infix(), raw.latex(), raw.sympy(), pr.traversal(p.traversal(), p.constants()),
                p.reward(), p.complexity(), simplify(p, raw));
    }

    /**
     * Simplified forms, the same after a fit and after loading the model. In protected mode they are checked on the
     * data (a protected operator's guard may be reached there), which only a fit has: a loaded protected model keeps
     * the raw forms ({@code unsupported}).
     */
    private synchronized Simplified simplify(ProgramRecord p, Simplified.RawForms raw) {
        String key = java.util.Arrays.toString(p.traversal()) + java.util.Arrays.toString(p.constants());
        Simplified s = simplified.get(key);
        if (s != null) return s;
        boolean protectedMode = config.task().protectedMode();
        boolean fitted = experiment != null && experiment.trainer().best() != null;
        if (!config.logging().simplify()) {
            s = Simplified.raw(raw, Simplified.Status.OFF);
        } else if (protectedMode && !fitted) {
            s = Simplified.raw(raw, Simplified.Status.UNSUPPORTED);
        } else {
            if (math == null) math = SymbolicMath.create();
            SymbolicMath.Check check = protectedMode ? experiment.trainer().scorer().check(p.traversal(), p.constants()) : null;
            s = math.simplify(SymbolicProgram.of(p.traversal(), p.constants(), requireModel().library(), protectedMode),
                    raw, check, Duration.ofMillis(Math.round(config.logging().simplifyLimit() * 1000)));
            if (s.status() == Simplified.Status.SIMPLIFIED && featureNames != null) s = named(s);
        }
        simplified.put(key, s);
        return s;
    }

    /** The simplified forms with x1..xn replaced by the feature names. */
    private Simplified named(Simplified s) {
        String infix = s.infix(), sympy = s.sympy(), latex = s.latex();
        for (int i = featureNames.size(); i >= 1; i--) { // x10 before x1
            String name = featureNames.get(i - 1);
            infix = infix.replaceAll("\\bx" + i + "\\b", name);
            sympy = sympy.replaceAll("\\bx" + i + "\\b", name);
            latex = latex.replace("x_{" + i + "}", "\\mathrm{" + name.replace("_", "\\_") + "}");
        }
        return new Simplified(infix, latex, sympy, s.status());
    }

    private FittedModel requireModel() {
        if (model == null) throw new IllegalStateException("call fit(...) first");
        return model;
    }

    private Trainer requireTrainer() {
        if (experiment == null || experiment.trainer().best() == null) {
            throw new IllegalStateException(model != null ? "a loaded model has no trainer: call fit(...) for that"
                    : "call fit(...) first");
        }
        return experiment.trainer();
    }

    private static void requireFeatures(FittedModel m, int n, String what) {
        int want = m.library().inputCount();
        if (n != want) throw new ConfigException(what + " has " + n + " features but the model was fitted on " + want);
    }

    private static String num(double c) {
        return c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c);
    }

    private static double[][] columns(double[][] rows, int n, String what) {
        if (rows == null) throw new ConfigException(what + " is null");
        if (rows.length != n) throw new ConfigException(what + " has " + rows.length + " rows but y has " + n);
        if (n == 0) throw new ConfigException(what + " is empty");
        int d = rows[0].length;
        if (d == 0) throw new ConfigException(what + " has no features");
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
        private final List<StopCondition> stopConditions = new ArrayList<>();
        private List<String> featureNames;
        private Duration maxTime;

        /** Start from a YAML configuration file. */
        public Builder configFile(Path yaml) { this.file = yaml; return this; }

        /** Override one key with a Java value ({@code "training.n_samples", 100000}). */
        public Builder set(String keyPath, Object value) { values.put(keyPath, value); return this; }

        /** Override one key with a YAML value, like {@code --set} ({@code "prior.length.max_=30"}). */
        public Builder set(String assignment) { sets.add(assignment); return this; }

        public Builder seed(long s) { this.seed = s; return this; }

        public Builder plugins(PluginRegistry r) { this.registry = r; return this; }

        /** Called after every iteration (progress, custom logging). */
        public Builder onIteration(Trainer.Listener l) { listeners.add(l); return this; }

        /** Stop the fit after the first iteration where {@code c} holds (checked after every iteration). */
        public Builder stopWhen(StopCondition c) { stopConditions.add(c); return this; }

        /** Stop the fit after this much wall-clock time (checked between iterations). */
        public Builder maxTime(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new ConfigException("maxTime must be positive, got " + d);
            this.maxTime = d;
            return this;
        }

        /**
         * Names of the columns of X, used in every printed expression instead of x1..xn. Each must be an identifier
         * ([A-Za-z_][A-Za-z0-9_]*), distinct, and not the name of a token.
         */
        public Builder featureNames(String... names) { return featureNames(List.of(names)); }

        public Builder featureNames(List<String> names) {
            Set<String> seen = new HashSet<>();
            for (String n : names) {
                if (!IDENTIFIER.matcher(n).matches()) {
                    throw new ConfigException("feature name '" + n + "' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)");
                }
                if (!seen.add(n)) throw new ConfigException("feature name '" + n + "' is given twice");
            }
            this.featureNames = List.copyOf(names);
            return this;
        }

        public DeepSymbolicRegressor build() {
            DsrConfig c = ConfigLoader.load(file, sets);
            for (var e : values.entrySet()) c = c.with(e.getKey(), e.getValue());
            PluginRegistry r = registry != null ? registry : PluginRegistry.load();
            if (featureNames != null) {
                Set<String> tokens = new HashSet<>(r.tokens().keySet());
                tokens.addAll(List.of("pi", "e", "const"));
                for (String n : featureNames) {
                    if (tokens.contains(n)) {
                        throw new ConfigException("feature name '" + n + "' is the name of a token; choose another");
                    }
                }
            }
            return new DeepSymbolicRegressor(c, r, seed != null ? seed : c.experiment().seed(), listeners,
                    stopConditions, featureNames, maxTime);
        }
    }
}
