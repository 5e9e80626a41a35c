package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;
import io.dsr4j.api.util.Rng;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

import java.util.Arrays;

/**
 * "lm": Levenberg–Marquardt on the program's residuals with its exact Jacobian, from the given start (the reference
 * starts at all ones) and then from {@code restarts} random starts; returns the constants with the smallest sum of
 * squared residuals seen in any evaluation. Two solvers ({@code solver}):
 * <ul>
 *   <li>{@code hipparchus} (default): Hipparchus's MINPACK port (QR, trust region).</li>
 *   <li>{@code cholesky}: {@link DampedGaussNewton}, the k×k normal equations on plain arrays. Constant fits are tiny
 *   (≤ 3 constants under the paper's priors, ~20 rows) and Hipparchus's per-step objects, QR and copies cost more
 *   than the program evaluations; this solver needs ~2.8× less time per fit on programs replayed from Constant-3/7
 *   runs, with as many evaluations, but it ends in a worse local minimum more often: of the 151 expressions that
 *   recovered a Constant benchmark in either 10-seed grid, fitted again from all ones, {@code hipparchus} fits all
 *   151 to success and {@code cholesky} 148 (no true structure the other way), so it is opt-in.</li>
 * </ul>
 *
 * <p>The reference minimises NRMSE with L-BFGS-B and finite differences; least squares has the same minimiser
 * (NRMSE is a monotone function of the residual sum of squares), and an exact Jacobian needs far fewer program
 * evaluations.
 *
 * <p>Invalid points (the program is not finite there, or its Jacobian is not) are normal events: {@code cholesky}
 * rejects the step and raises the damping; for {@code hipparchus} the point gets huge finite residuals and a zero
 * Jacobian, so LM rejects the step, shrinks its trust region and steps back towards the valid region. An invalid
 * start stops that run at once. Hitting the iteration or evaluation limit, or any numerical failure inside
 * Hipparchus, ends the run with the best valid point so far; if none was valid the start is returned unchanged.
 *
 * <p>Thread-safe: all state is per call (the {@code cholesky} solver's arrays are per thread and rewritten by each
 * fit), and restart points depend only on the seed, so results do not depend on thread count.
 */
public final class LevenbergMarquardtConstantOptimizer implements ConstantOptimizer {

    /** Residual reported at invalid points: huge, but its square summed over 10⁸ rows is still finite. */
    static final double INVALID_RESIDUAL = 1e100;

    private final LevenbergMarquardtSettings settings;
    private final LevenbergMarquardtOptimizer lm;

    private final DampedGaussNewton lean;
    /**
     * Each thread's scratch arrays of {@link #lean} by constant count (index k), reused across fits: a fit rewrites
     * everything it reads, so reuse changes no result, and a Constant run fits thousands of programs per iteration.
     */
    private final ThreadLocal<DampedGaussNewton.Scratch[]> scratch =
            ThreadLocal.withInitial(() -> new DampedGaussNewton.Scratch[SCRATCH_SLOTS]);
    private static final int SCRATCH_SLOTS = 9;

    public LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings settings) {
        this.settings = settings;
        this.lean = settings.solver().equals(LevenbergMarquardtSettings.CHOLESKY) ? new DampedGaussNewton(settings) : null;
        // immutable; optimize() keeps its state in locals
        this.lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(settings.costRelativeTolerance())
                .withParameterRelativeTolerance(settings.parameterRelativeTolerance())
                .withOrthoTolerance(settings.orthoTolerance())
                .withInitialStepBoundFactor(settings.initialStepBoundFactor());
    }

    public LevenbergMarquardtSettings settings() {
        return settings;
    }

    @Override
    public double[] optimize(FitProblem problem, double[] start) {
        int k = problem.constantCount();
        if (start.length != k) {
            throw new IllegalArgumentException("start has " + start.length + " values for " + k + " constants");
        }
        if (k == 0) return start.clone();
        if (lean != null) return optimizeLean(problem, start, k);
        Best best = new Best(start);
        fit(problem, start, best);
        if (settings.restarts() > 0) {
            Rng rng = new Rng(settings.seed());
            double[] point = new double[k];
            for (int r = 0; r < settings.restarts(); r++) {
                restartPoint(rng, r, start, point);
                fit(problem, point, best);
            }
        }
        return best.point;
    }

    /** Restart {@code r}'s start: {@code start} plus a uniform offset in ±restart_range from stream {@code r}. */
    private void restartPoint(Rng rng, int r, double[] start, double[] point) {
        Rng stream = rng.split(r);
        for (int j = 0; j < point.length; j++) {
            point[j] = start[j] + settings.restartRange() * (2 * stream.nextDouble() - 1);
        }
    }

    private double[] optimizeLean(FitProblem problem, double[] start, int k) {
        DampedGaussNewton.Scratch s = scratch(problem.residualCount(), k);
        double bestCost = lean.fit(problem, start, s);
        double[] best = bestCost < Double.POSITIVE_INFINITY ? s.x.clone() : start.clone();
        if (settings.restarts() > 0) {
            Rng rng = new Rng(settings.seed());
            double[] point = new double[k];
            for (int r = 0; r < settings.restarts(); r++) {
                restartPoint(rng, r, start, point);
                double c = lean.fit(problem, point, s);
                if (c < bestCost) {
                    bestCost = c;
                    best = s.x.clone();
                }
            }
        }
        return best;
    }

    /** This thread's scratch arrays for n residuals and k constants (new ones when n changed or k is large). */
    private DampedGaussNewton.Scratch scratch(int n, int k) {
        if (k >= SCRATCH_SLOTS) return new DampedGaussNewton.Scratch(n, k);
        DampedGaussNewton.Scratch[] slots = scratch.get();
        DampedGaussNewton.Scratch s = slots[k];
        if (s == null || s.r.length != n) slots[k] = s = new DampedGaussNewton.Scratch(n, k);
        return s;
    }

    private void fit(FitProblem problem, double[] start, Best best) {
        int n = problem.residualCount();
        int k = problem.constantCount();
        int maxEvaluations = settings.maxEvaluations();
        int maxIterations = settings.maxIterations();
        int[] evaluations = {0};
        MultivariateJacobianFunction model = point -> {
            // Hipparchus would refuse this evaluation with an exception whose stack trace costs more than a fit
            // on 20 rows; stop the same way (before evaluating) with a cheap one.
            if (++evaluations[0] > maxEvaluations) throw LimitReached.INSTANCE;
            return evaluate(problem, point, n, k, best);
        };
        // The iteration limit as a convergence check: Hipparchus consults it after every accepted step, so the fit
        // stops after the same evaluations as with its own limit, which throws at the start of the next iteration.
        LeastSquaresProblem lsq = new LeastSquaresBuilder()
                .start(start)
                .model(model)
                .target(new double[n])
                .checker((iteration, previous, current) -> iteration >= maxIterations)
                .maxIterations(Integer.MAX_VALUE)
                .maxEvaluations(Integer.MAX_VALUE)
                .lazyEvaluation(false)
                .build();
        try {
            lm.optimize(lsq);
        } catch (LimitReached | MathRuntimeException e) {
            // evaluation limit or a numerical breakdown: keep the best point seen
        }
    }

    /** The evaluation limit was reached: no message, no stack trace (an expected event, thousands per iteration). */
    private static final class LimitReached extends RuntimeException {
        static final LimitReached INSTANCE = new LimitReached();

        private LimitReached() {
            super(null, null, false, false);
        }
    }

    /** Residuals and Jacobian at {@code point} in Hipparchus's form, remembering the best valid point. */
    private static Pair<RealVector, RealMatrix> evaluate(FitProblem problem, RealVector point, int n, int k, Best best) {
        double[] c = point.toArray();
        double[] residuals = new double[n];
        double[][] jacobian = new double[n][k];
        boolean valid = problem.evaluate(c, residuals, jacobian);
        double sse = 0;
        if (valid) {
            for (int i = 0; i < n && valid; i++) {
                double r = residuals[i];
                sse += r * r;
                for (int j = 0; j < k; j++) {
                    if (!Double.isFinite(jacobian[i][j])) {
                        valid = false;
                        break;
                    }
                }
            }
            valid = valid && Double.isFinite(sse);
        }
        if (!valid) {
            Arrays.fill(residuals, INVALID_RESIDUAL);
            for (double[] row : jacobian) Arrays.fill(row, 0.0);
        } else {
            best.offer(c, sse);
        }
        return new Pair<>(new ArrayRealVector(residuals, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** The best valid point of one optimize() call. */
    private static final class Best {
        double[] point;
        double sse = Double.POSITIVE_INFINITY;

        Best(double[] start) {
            point = start.clone();
        }

        void offer(double[] c, double s) {
            if (s < sse) {
                sse = s;
                point = c.clone();
            }
        }
    }
}
