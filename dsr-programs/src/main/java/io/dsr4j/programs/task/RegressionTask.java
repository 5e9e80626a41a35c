package io.dsr4j.programs.task;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.reward.ComplexityMeasure;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.reward.ProgramInfo;
import io.dsr4j.api.token.Library;
import io.dsr4j.programs.complexity.BuiltinComplexityPlugin;
import io.dsr4j.programs.eval.CompiledProgram;
import io.dsr4j.programs.eval.FitProgram;
import io.dsr4j.programs.eval.ProgramCompiler;
import io.dsr4j.programs.eval.Workspace;
import io.dsr4j.programs.poly.Monomials;
import io.dsr4j.programs.poly.PolyFitOptions;
import io.dsr4j.programs.poly.PolyFitter;
import io.dsr4j.programs.reward.Stats;

import java.util.Arrays;

/**
 * Symbolic regression task (reference §7.3-7.5): scores finished traversals on the training data, fitting their
 * {@code const} values first, and tests them on the test data. Immutable; {@link #score} and {@link #test} may be
 * called concurrently as long as each thread passes its own {@link Workspace}.
 */
public final class RegressionTask {

    private static final double[] NO_CONSTANTS = new double[0];

    private final Dataset data;
    private final Library library;
    private final ProgramCompiler compiler;
    private final Metric metric;
    private final ConstantOptimizer optimizer;
    private final double threshold;
    private final boolean protectedMode;
    private final int nTrain;
    private final int nTest;
    // the data's arrays, taken once: Dataset's accessors return copies, evaluation reads these on every program
    private final double[][] xTrain;
    private final double[] yTrain;
    private final double[][] xTest;
    private final double[] yTest;
    private final double[] yTestNoiseless;
    private final double[] sqrtWeights;     // √ of the sample weights, or null (unweighted constant fit)
    private final double varTrain;
    private final double varTest;
    private final double varTestNoiseless;
    private final int maxRows;
    private final PolyFitter polyFit;       // null unless the library has poly
    private final double[][] polyTestDesign;

    /**
     * @param optimizer     fits {@code const} values; may be null when the library has no {@code const}
     * @param threshold     success threshold on the noiseless test NMSE (reference default 1e-12)
     * @param protectedMode whether the library was built with protected tokens. Evaluation does not depend on it:
     *                      a non-finite value makes a program invalid in both modes (the reference never flags
     *                      anything in protected mode and lets NaN rewards through)
     */
    public RegressionTask(Dataset data, Library library, Metric metric, ConstantOptimizer optimizer, double threshold,
                          boolean protectedMode) {
        this(data, library, metric, optimizer, threshold, protectedMode, PolyFitOptions.DEFAULT, null);
    }

    /** @param poly how a {@code poly} token is fitted (used only when the library has {@code poly}) */
    public RegressionTask(Dataset data, Library library, Metric metric, ConstantOptimizer optimizer, double threshold,
                          boolean protectedMode, PolyFitOptions poly) {
        this(data, library, metric, optimizer, threshold, protectedMode, poly, null);
    }

    /** With sample weights (see below) and the default poly fit. */
    public RegressionTask(Dataset data, Library library, Metric metric, ConstantOptimizer optimizer, double threshold,
                          boolean protectedMode, double[] sampleWeights) {
        this(data, library, metric, optimizer, threshold, protectedMode, PolyFitOptions.DEFAULT, sampleWeights);
    }

    /**
     * @param poly          how a {@code poly} token is fitted (used only when the library has {@code poly})
     * @param sampleWeights one weight per training row for the constant fit (weighted least squares: each residual
     *                      times √w), or null for none; the metric gets its weights from its own factory
     */
    public RegressionTask(Dataset data, Library library, Metric metric, ConstantOptimizer optimizer, double threshold,
                          boolean protectedMode, PolyFitOptions poly, double[] sampleWeights) {
        if (data.variableCount() != library.inputCount()) {
            throw new IllegalArgumentException("dataset " + data.name() + " has " + data.variableCount()
                    + " input variables but the library has " + library.inputCount());
        }
        if (data.trainSize() == 0 || data.testSize() == 0) {
            throw new ConfigException("task.dataset: " + data.name() + " has an empty " + (data.trainSize() == 0 ? "training" : "test") + " set");
        }
        if (library.constToken() >= 0 && optimizer == null) {
            throw new IllegalArgumentException("the library has 'const' but no constant optimizer was given");
        }
        if (sampleWeights != null && sampleWeights.length != data.trainSize()) {
            throw new IllegalArgumentException(sampleWeights.length + " sample weights for " + data.trainSize()
                    + " training rows");
        }
        if (sampleWeights != null && library.polyToken() >= 0) {
            throw new ConfigException("task.sample_weights: the poly token fits its coefficients unweighted; "
                    + "use sample weights without poly in task.function_set");
        }
        this.sqrtWeights = sampleWeights == null ? null : sqrt(sampleWeights);
        this.xTrain = data.xTrain();
        this.yTrain = data.yTrain();
        this.xTest = data.xTest();
        this.yTest = data.yTest();
        this.yTestNoiseless = data.yTestNoiseless();
        requireFinite(data.name(), "training inputs", xTrain);
        requireFinite(data.name(), "training targets", new double[][] {yTrain});
        requireFinite(data.name(), "test inputs", xTest);
        requireFinite(data.name(), "test targets", new double[][] {yTest, yTestNoiseless});
        this.data = data;
        this.library = library;
        this.compiler = new ProgramCompiler(library);
        this.metric = metric;
        this.optimizer = optimizer;
        this.threshold = threshold;
        this.protectedMode = protectedMode;
        this.nTrain = data.trainSize();
        this.nTest = data.testSize();
        this.varTrain = Stats.variance(yTrain, nTrain);
        this.varTest = Stats.variance(yTest, nTest);
        this.varTestNoiseless = Stats.variance(yTestNoiseless, nTest);
        this.maxRows = Math.max(nTrain, nTest);
        if (library.polyToken() >= 0) {
            this.polyFit = new PolyFitter(library, compiler, xTrain, nTrain, poly);
            this.polyTestDesign = polyFit.monomials().design(xTest, nTest);
        } else {
            this.polyFit = null;
            this.polyTestDesign = null;
        }
    }

    private static double[] sqrt(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) out[i] = Math.sqrt(w[i]);
        return out;
    }

    private boolean hasPoly(int[] traversal) {
        int p = library.polyToken();
        if (p < 0) return false;
        for (int t : traversal) if (t == p) return true;
        return false;
    }

    /** The inputs plus poly's values as the extra column the compiled program reads it from. */
    private double[][] withPoly(double[][] x, double[][] design, double[] coefficients, int rows) {
        double[][] xe = Arrays.copyOf(x, x.length + 1);
        xe[x.length] = Monomials.values(design, coefficients, rows);
        return xe;
    }

    /**
     * A program with {@code poly}: fit its coefficients (§9.2), then score with the fitted polynomial; the
     * coefficients are the program's "constants". The auto-added poly constraint keeps {@code const} out of such
     * programs; one that has both anyway is invalid.
     */
    private Evaluation scorePoly(int[] traversal, Workspace ws) {
        CompiledProgram program = compiler.compile(traversal);
        if (program.constantCount() > 0) return new Evaluation(metric.invalidReward(), true, NO_CONSTANTS, Double.NaN);
        double[] c = polyFit.fit(traversal, yTrain, ws);
        double[] yHat = program.evaluate(withPoly(xTrain, polyFit.design(), c, nTrain), nTrain, null, ws);
        return rate(yHat, c, traversal, ws);
    }

    private static void requireFinite(String name, String what, double[][] columns) {
        for (int c = 0; c < columns.length; c++) {
            for (int r = 0; r < columns[c].length; r++) {
                if (!Double.isFinite(columns[c][r])) {
                    throw new ConfigException("task.dataset: " + name + ": " + what + " contain a non-finite value ("
                            + columns[c][r] + ") in column " + (c + 1) + ", row " + (r + 1) + "; remove or fix that row");
                }
            }
        }
    }

    /** A workspace sized for this task's data (one per scoring thread). */
    public Workspace newWorkspace() {
        return new Workspace(maxRows, 16);
    }

    /** Compiles and scores a finished traversal. */
    public Evaluation score(int[] traversal, Workspace ws) {
        if (hasPoly(traversal)) return scorePoly(traversal, ws);
        return score(compiler.compile(traversal), traversal, ws);
    }

    /**
     * Scores a compiled program: fits its constants (least squares on yhat - y over the training set, start all
     * 1.0 like the reference) and returns the metric's reward, or its invalid reward.
     */
    public Evaluation score(CompiledProgram program, Workspace ws) {
        return score(program, null, ws);
    }

    /** As {@link #score(CompiledProgram, Workspace)}; the metric sees the traversal when it is given. */
    private Evaluation score(CompiledProgram program, int[] traversal, Workspace ws) {
        int k = program.constantCount();
        if (k == 0) return rate(program.evaluate(xTrain, nTrain, NO_CONSTANTS, ws), NO_CONSTANTS, traversal, ws);
        double[] start = new double[k];
        Arrays.fill(start, 1.0);
        TrainingFit fit = new TrainingFit(program, ws);
        double[] constants = optimizer.optimize(fit, start);
        if (constants == null || constants.length != k) {
            throw new IllegalStateException("constant optimizer returned " + (constants == null ? "null" : constants.length + " values") + " for " + k + " constants");
        }
        // the fit's program: the same values as program.evaluate, its constant-free part already computed
        return rate(fit.values(constants), constants, traversal, ws);
    }

    /** The metric's reward of {@code yHat}; the metric sees the program when {@code traversal} is given. */
    private Evaluation rate(double[] yHat, double[] constants, int[] traversal, Workspace ws) {
        if (yHat == null) return new Evaluation(metric.invalidReward(), true, constants, Double.NaN);
        if (yHat.length != nTrain) {
            // Metric implementations may take the array length as the row count
            double[] exact = ws.exact(nTrain);
            System.arraycopy(yHat, 0, exact, 0, nTrain);
            yHat = exact;
        }
        double reward = traversal == null ? metric.reward(yHat) : metric.reward(yHat, new ProgramInfo(traversal, library));
        if (Double.isNaN(reward)) return new Evaluation(metric.invalidReward(), true, constants, Double.NaN);
        double nrmse = varTrain > 0 ? Math.sqrt(Stats.mse(yTrain, yHat, nTrain) / varTrain) : Double.NaN;
        return new Evaluation(reward, false, constants, nrmse);
    }

    /** Test-set NMSEs and success (§7.5) with the given fitted constants. */
    public TestResult test(int[] traversal, double[] constants, Workspace ws) {
        CompiledProgram program = compiler.compile(traversal);
        double[] yHat = hasPoly(traversal)
                ? program.evaluate(withPoly(xTest, polyTestDesign, constants, nTest), nTest, null, ws)
                : program.evaluate(xTest, nTest, constants, ws);
        if (yHat == null) return new TestResult(Double.NaN, Double.NaN, false);
        double nmse = nmse(yTest, yHat, varTest);
        double nmseNoiseless = nmse(yTestNoiseless, yHat, varTestNoiseless);
        return new TestResult(nmse, nmseNoiseless, nmseNoiseless < threshold);
    }

    /** MSE / var; for constant targets (var 0) 0 when exact, else +inf (the reference divides 0 by 0 into NaN). */
    private double nmse(double[] y, double[] yHat, double var) {
        double mse = Stats.mse(y, yHat, nTest);
        if (var > 0) return mse / var;
        return mse == 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    /**
     * Complexity for the Pareto front with a built-in measure: {@code "token"} sums the tokens' complexities,
     * {@code "length"} is the traversal length, {@code null} or {@code "none"} gives 0 (as the reference's null).
     * A run uses the {@code training.complexity} plugin through {@link #programInfo} instead.
     */
    public double complexity(int[] traversal, String mode) {
        return complexity(traversal, null, mode);
    }

    /** As {@link #complexity(int[], String)}; a fitted {@code poly} counts its terms (as DSO's Polynomial). */
    public double complexity(int[] traversal, double[] constants, String mode) {
        if (mode == null || mode.equals("none")) return 0;
        ComplexityMeasure m = BuiltinComplexityPlugin.measures().get(mode);
        if (m == null) {
            throw new ConfigException("training.complexity: '" + mode + "' is not allowed; allowed: token, length"
                    + io.dsr4j.api.config.Suggestions.hint(mode, BuiltinComplexityPlugin.measures().keySet()));
        }
        return m.of(programInfo(traversal, constants));
    }

    /**
     * The program as a complexity measure sees it: its traversal, fitted constants and, when it holds a fitted
     * {@code poly} (the constants are the polynomial's coefficients), that polynomial's number of terms.
     */
    public ProgramInfo programInfo(int[] traversal, double[] constants) {
        boolean fitted = polyFit != null && constants != null && constants.length == polyFit.monomials().size()
                && hasPoly(traversal);
        return new ProgramInfo(traversal, library, constants, fitted ? Monomials.complexity(constants) : -1);
    }

    public Dataset dataset() { return data; }

    public Library library() { return library; }

    /** The task's compiler (shared, thread-safe). */
    public ProgramCompiler compiler() { return compiler; }

    public Metric metric() { return metric; }

    public double threshold() { return threshold; }

    public boolean protectedMode() { return protectedMode; }

    /** Residuals yhat - y on the training set and their exact Jacobian, for the constant optimizer. */
    private final class TrainingFit implements FitProblem {

        private final CompiledProgram program;
        private final Workspace ws;
        /** The program on the training data, its constant-free part computed once (at the first evaluation). */
        private FitProgram fit;

        TrainingFit(CompiledProgram program, Workspace ws) {
            this.program = program;
            this.ws = ws;
        }

        private FitProgram fit() {
            if (fit == null) fit = program.forFit(xTrain, nTrain, ws);
            return fit;
        }

        /** The program's values at {@code c} (null when invalid), as {@code program.evaluate} on the training set. */
        double[] values(double[] c) {
            return fit().evaluate(c);
        }

        @Override public int constantCount() { return program.constantCount(); }

        @Override public int residualCount() { return nTrain; }

        @Override
        public boolean evaluate(double[] c, double[] residuals, double[][] jacobian) {
            double[] yHat = jacobian == null ? fit().evaluate(c) : fit().evaluateWithJacobian(c, jacobian);
            if (!residuals(yHat, residuals)) return false;
            if (jacobian != null) {
                // Where a partial derivative does not exist (sqrt at 0, ...) use 0 so the optimizer stays finite.
                int k = program.constantCount();
                for (int i = 0; i < nTrain; i++) {
                    double[] row = jacobian[i];
                    for (int j = 0; j < k; j++) if (!Double.isFinite(row[j])) row[j] = 0;
                }
            }
            if (sqrtWeights != null) weigh(residuals, jacobian);
            return true;
        }

        /** As {@link #evaluate}, with the Jacobian by columns (no transposition; the same values). */
        @Override
        public boolean evaluateColumns(double[] c, double[] residuals, double[][] columns) {
            double[] yHat = fit().evaluateWithJacobianColumns(c, columns);
            if (!residuals(yHat, residuals)) return false;
            int k = program.constantCount();
            for (int j = 0; j < k; j++) {
                double[] col = columns[j];
                for (int i = 0; i < nTrain; i++) if (!Double.isFinite(col[i])) col[i] = 0;
                if (sqrtWeights != null) {
                    for (int i = 0; i < nTrain; i++) col[i] *= sqrtWeights[i];
                }
            }
            if (sqrtWeights != null) weigh(residuals, null);
            return true;
        }

        /** residuals = yHat − y; false when yHat is null (invalid program) or a residual is not finite. */
        private boolean residuals(double[] yHat, double[] residuals) {
            if (yHat == null) return false;
            double[] y = yTrain;
            for (int i = 0; i < nTrain; i++) {
                double r = yHat[i] - y[i];
                if (!Double.isFinite(r)) return false;
                residuals[i] = r;
            }
            return true;
        }

        /** Weighted least squares: residual i and Jacobian row i times √w_i. */
        private void weigh(double[] residuals, double[][] jacobian) {
            int k = program.constantCount();
            for (int i = 0; i < nTrain; i++) {
                double s = sqrtWeights[i];
                residuals[i] *= s;
                if (jacobian != null) {
                    double[] row = jacobian[i];
                    for (int j = 0; j < k; j++) row[j] *= s;
                }
            }
        }
    }
}
