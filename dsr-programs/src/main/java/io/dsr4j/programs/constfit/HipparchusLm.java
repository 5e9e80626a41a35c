package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.FitProblem;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

import java.util.Arrays;

/**
 * One run of Hipparchus's {@link LevenbergMarquardtOptimizer} (MINPACK's lmder: QR, trust region) on a
 * {@link FitProblem}, recording the best valid point it evaluates. Invalid points get huge finite residuals and a
 * zero Jacobian, so LM rejects the step and shrinks its trust region.
 *
 * <p>Around Hipparchus, a fit on ~20 rows used to cost ~3× the program evaluations it needs. Three things are
 * avoided without changing what Hipparchus computes (the same points are evaluated in the same order, so the result
 * is bit-identical; {@code HipparchusLmTest} checks this against a plain run):
 * <ul>
 *   <li>Exceptions with stack traces. The evaluation limit throws a preallocated exception. A Jacobian column whose
 *   sum of squares overflows (finite entries beyond ~1e154) makes Hipparchus's QR throw at the decomposition of that
 *   point, which comes next when the point is the start or an accepted step: the run stops at the start's
 *   evaluation or through the convergence checker (called after an accepted step, before that decomposition)
 *   instead. Either way nothing more is evaluated, as with the exception.</li>
 *   <li>New arrays at every evaluation: see {@link Model}.</li>
 *   <li>Two copies of the Jacobian per decomposition: see {@link JacobianMatrix}.</li>
 * </ul>
 */
final class HipparchusLm {

    /** Residual reported at invalid points: huge, but its square summed over 10⁸ rows is still finite. */
    static final double INVALID_RESIDUAL = 1e100;

    private final LevenbergMarquardtOptimizer lm;
    private final int maxIterations;
    private final int maxEvaluations;

    HipparchusLm(LevenbergMarquardtSettings settings) {
        // immutable; optimize() keeps its state in locals
        this.lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(settings.costRelativeTolerance())
                .withParameterRelativeTolerance(settings.parameterRelativeTolerance())
                .withOrthoTolerance(settings.orthoTolerance())
                .withInitialStepBoundFactor(settings.initialStepBoundFactor());
        this.maxIterations = settings.maxIterations();
        this.maxEvaluations = settings.maxEvaluations();
    }

    /** Fits from {@code start}; every valid point evaluated is offered to {@code best}. */
    void fit(FitProblem problem, double[] start, BestPoint best) {
        Model model = new Model(problem, best, maxEvaluations, maxIterations);
        LeastSquaresProblem lsq = new LeastSquaresBuilder()
                .start(start)
                .model(model)
                .target(new double[problem.residualCount()])
                .checker(model)
                .maxIterations(Integer.MAX_VALUE)
                .maxEvaluations(Integer.MAX_VALUE)
                .lazyEvaluation(false)
                .build();
        try {
            lm.optimize(lsq);
        } catch (Stop | MathRuntimeException e) {
            // a limit, or a numerical breakdown: keep the best point seen
        }
    }

    /**
     * Residuals and Jacobian (by columns) in Hipparchus's form, in reused arrays. Hipparchus copies the values into its residuals
     * at once, and reads an evaluation's Jacobian only to decompose its current point: the start, then the last step
     * it accepted (the latest evaluation when accepted, and passed to the convergence checker first). So two Jacobian
     * arrays serve a whole run: the current point's and the trial's, which swap when a step is accepted. (After a
     * step with a NaN gain ratio Hipparchus decomposes its current point again, with trials evaluated since.)
     */
    private static final class Model implements MultivariateJacobianFunction,
            ConvergenceChecker<LeastSquaresProblem.Evaluation> {
        private final FitProblem problem;
        private final BestPoint best;
        private final int maxEvaluations;
        private final int maxIterations;
        private final int n, k;
        private final double[] c;
        private final double[] residuals;
        private final RealVector residualVector;
        private double[][] trial, held;                 // the next evaluation's Jacobian, the current point's (columns)
        private RealMatrix trialMatrix, heldMatrix;
        private int evaluations;
        /** Whether the latest evaluation's Jacobian has a column Hipparchus's QR cannot take. */
        private boolean jacobianOverflows;
        private final double[] columnSquares;

        Model(FitProblem problem, BestPoint best, int maxEvaluations, int maxIterations) {
            this.problem = problem;
            this.best = best;
            this.maxEvaluations = maxEvaluations;
            this.maxIterations = maxIterations;
            this.n = problem.residualCount();
            this.k = problem.constantCount();
            this.c = new double[k];
            this.residuals = new double[n];
            this.residualVector = new ArrayRealVector(residuals, false);
            this.trial = new double[k][n];
            this.held = new double[k][n];
            double[][] negated = new double[n][k];
            this.trialMatrix = new JacobianMatrix(trial, negated);
            this.heldMatrix = new JacobianMatrix(held, negated);
            this.columnSquares = new double[k];
        }

        /**
         * Called by Hipparchus after every accepted step. The iteration limit is checked here: the fit stops after
         * the same evaluations as with Hipparchus's own limit, which throws at the start of the next iteration. So
         * does a step whose Jacobian Hipparchus's QR is about to refuse.
         */
        @Override
        public boolean converged(int iteration, LeastSquaresProblem.Evaluation previous,
                                 LeastSquaresProblem.Evaluation current) {
            swap();
            return iteration >= maxIterations || jacobianOverflows;
        }

        /** The latest evaluation becomes the current point. */
        private void swap() {
            double[][] a = trial;
            trial = held;
            held = a;
            RealMatrix m = trialMatrix;
            trialMatrix = heldMatrix;
            heldMatrix = m;
        }

        @Override
        public Pair<RealVector, RealMatrix> value(RealVector point) {
            // Hipparchus would refuse this evaluation with an exception whose stack trace costs more than a fit
            // on 20 rows; stop the same way (before evaluating) with a cheap one.
            if (++evaluations > maxEvaluations) throw Stop.INSTANCE;
            for (int j = 0; j < k; j++) c[j] = point.getEntry(j);
            double[][] columns = trial;
            RealMatrix matrix = trialMatrix;
            boolean valid = problem.evaluateColumns(c, residuals, columns);
            double sse = 0;
            if (valid) {
                // sum of squares of the residuals and of each column (as Hipparchus's QR sums them: in row order)
                for (int i = 0; i < n; i++) sse += residuals[i] * residuals[i];
                valid = Double.isFinite(sse);
                double[] squares = columnSquares;
                for (int j = 0; j < k && valid; j++) {
                    double[] col = columns[j];
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        double a = col[i];
                        if (!Double.isFinite(a)) {
                            valid = false;
                            break;
                        }
                        sum += a * a;
                    }
                    squares[j] = sum;
                }
            }
            if (!valid) {
                Arrays.fill(residuals, INVALID_RESIDUAL);
                for (double[] col : columns) Arrays.fill(col, 0.0);
                jacobianOverflows = false;
            } else {
                best.offer(c, sse);
                jacobianOverflows = false;
                for (int j = 0; j < k; j++) jacobianOverflows |= Double.isInfinite(columnSquares[j]);
            }
            if (evaluations == 1) {
                // the start's decomposition comes next, with nothing evaluated in between
                if (jacobianOverflows) throw Stop.INSTANCE;
                swap();
            }
            return new Pair<>(residualVector, matrix);
        }
    }

    /**
     * A Jacobian as the model returns it, held by columns (as a program's tangents come: no transposition at each
     * evaluation). Hipparchus reads it only as {@code scalarMultiply(-1).getData()} for its QR: through the generic
     * matrix code that is two new matrices and an entry-by-entry copy, more than the QR itself on ~20 rows. Here
     * the products go by rows into one array per run, {@code scratch}: Hipparchus decomposes in place, and only at
     * the top of its outer loop, dropping the previous decomposition (its R and Householder vectors) there, so one
     * array serves every decomposition of a run. (The rows the matrix itself holds are that scratch: never read.)
     */
    private static final class JacobianMatrix extends Array2DRowRealMatrix {
        private final double[][] columns;
        private final double[][] scratch;

        JacobianMatrix(double[][] columns, double[][] scratch) {
            super(scratch, false);
            this.columns = columns;
            this.scratch = scratch;
        }

        @Override
        public RealMatrix scalarMultiply(double d) {
            double[][] out = scratch;
            for (int j = 0; j < columns.length; j++) {
                double[] col = columns[j];
                for (int i = 0; i < out.length; i++) out[i][j] = col[i] * d;
            }
            return new OwnedMatrix(out);
        }
    }

    /** A matrix whose array is handed over by {@code getData()} instead of copied (Hipparchus's QR owns it). */
    private static final class OwnedMatrix extends Array2DRowRealMatrix {
        OwnedMatrix(double[][] data) {
            super(data, false);
        }

        @Override
        public double[][] getData() {
            return getDataRef();
        }
    }

    /** Ends a run early: no message, no stack trace (an expected event, thousands per iteration). */
    private static final class Stop extends RuntimeException {
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }
}
