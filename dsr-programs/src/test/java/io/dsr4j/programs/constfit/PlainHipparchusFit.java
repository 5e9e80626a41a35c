package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.FitProblem;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

import java.util.Arrays;

/**
 * Hipparchus's LM used the plain way, as {@code LevenbergMarquardtConstantOptimizer} did before {@link HipparchusLm}:
 * new arrays and matrices at every evaluation, QR failures by Hipparchus's own exception; the iteration limit as a
 * convergence check and the evaluation limit by an exception, as then. (Hipparchus's own iteration limit also counts
 * restarts of its outer loop after a step with a NaN gain ratio, so it would stop some fits earlier.)
 * {@link HipparchusLm} must match it point for point.
 */
final class PlainHipparchusFit {

    /** Evaluations made by the last fit. */
    int evaluations;
    /** Evaluations made before the last fit ended with Hipparchus's QR failure, or 0 (tests must exercise it). */
    int evaluationsBeforeQrFailure;

    /** Fits from {@code start} with the settings' limits and tolerances; returns the best valid point (or start). */
    double[] fit(LevenbergMarquardtSettings settings, FitProblem problem, double[] start) {
        int n = problem.residualCount();
        int k = problem.constantCount();
        double[][] best = {start.clone()};
        double[] bestSse = {Double.POSITIVE_INFINITY};
        evaluations = 0;
        evaluationsBeforeQrFailure = 0;
        MultivariateJacobianFunction model = point -> {
            if (++evaluations > settings.maxEvaluations()) throw new EvaluationLimit();
            double[] c = point.toArray();
            double[] residuals = new double[n];
            double[][] jacobian = new double[n][k];
            boolean valid = problem.evaluate(c, residuals, jacobian);
            double sse = 0;
            if (valid) {
                for (int i = 0; i < n; i++) {
                    sse += residuals[i] * residuals[i];
                    for (int j = 0; j < k; j++) valid &= Double.isFinite(jacobian[i][j]);
                }
                valid &= Double.isFinite(sse);
            }
            if (!valid) {
                Arrays.fill(residuals, HipparchusLm.INVALID_RESIDUAL);
                for (double[] row : jacobian) Arrays.fill(row, 0.0);
            } else if (sse < bestSse[0]) {
                bestSse[0] = sse;
                best[0] = c.clone();
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(residuals, false),
                    new Array2DRowRealMatrix(jacobian, false));
        };
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(settings.costRelativeTolerance())
                .withParameterRelativeTolerance(settings.parameterRelativeTolerance())
                .withOrthoTolerance(settings.orthoTolerance())
                .withInitialStepBoundFactor(settings.initialStepBoundFactor());
        try {
            lm.optimize(new LeastSquaresBuilder().start(start).model(model).target(new double[n])
                    .checker((iteration, previous, current) -> iteration >= settings.maxIterations())
                    .maxIterations(Integer.MAX_VALUE).maxEvaluations(Integer.MAX_VALUE)
                    .lazyEvaluation(false).build());
        } catch (EvaluationLimit e) {
            evaluations--;
        } catch (MathRuntimeException e) {
            if (e.getSpecifier() == LocalizedOptimFormats.UNABLE_TO_PERFORM_QR_DECOMPOSITION_ON_JACOBIAN) {
                evaluationsBeforeQrFailure = evaluations;
            }
        }
        return best[0];
    }

    private static final class EvaluationLimit extends RuntimeException {
    }
}
