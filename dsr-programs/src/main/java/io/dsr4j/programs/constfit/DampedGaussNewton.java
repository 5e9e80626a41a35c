package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.FitProblem;

/**
 * One Levenberg–Marquardt run on plain arrays, for the small problems of constant fitting (a few constants, tens to
 * thousands of rows): the normal equations (JᵀJ + μ·D) h = −Jᵀr are k×k and solved by Cholesky, so a step costs
 * one residual + Jacobian evaluation plus O(n·k²) arithmetic and allocates nothing. Damping follows Nielsen's rule
 * (Madsen, Nielsen &amp; Tingleff, "Methods for non-linear least squares problems", 2004, §3.2): after an accepted
 * step μ shrinks by max(1/3, 1 − (2ρ − 1)³), after a rejected one it grows by ν = 2, 4, 8, …; D is Marquardt's
 * scaling, the largest diagonal of JᵀJ seen so far per constant (as MINPACK's), so the run does not depend on the
 * constants' units.
 *
 * <p>Invalid trial points (non-finite values) are rejected steps. The accepted point is always the best one seen, so
 * the run returns it.
 */
final class DampedGaussNewton {

    /** μ beyond this multiple of the scale: the step is zero to working precision, so the run has converged. */
    private static final double MAX_DAMPING = 1e30;
    private static final double INITIAL_DAMPING = 1e-3;

    private final int maxIterations;
    private final int maxEvaluations;
    private final double costTolerance;
    private final double parameterTolerance;

    DampedGaussNewton(LevenbergMarquardtSettings s) {
        this.maxIterations = s.maxIterations();
        this.maxEvaluations = s.maxEvaluations();
        this.costTolerance = s.costRelativeTolerance();
        this.parameterTolerance = s.parameterRelativeTolerance();
    }

    /**
     * Scratch arrays of one thread's fits with n residuals and k constants (the optimizer itself is shared between
     * threads). {@link #fit} writes every element before reading it, so a Scratch can serve any number of fits.
     */
    static final class Scratch {
        final double[] r, rTrial;
        final double[][] jac, jacTrial;     // by columns: jac[j][i] = d r_i / d c_j
        final double[] x, xTrial, g, h, d, a, l;

        Scratch(int n, int k) {
            r = new double[n];
            rTrial = new double[n];
            jac = new double[k][n];
            jacTrial = new double[k][n];
            x = new double[k];
            xTrial = new double[k];
            g = new double[k];
            h = new double[k];
            d = new double[k];
            a = new double[k * k];
            l = new double[k * k];
        }
    }

    /**
     * Fits from {@code start}.
     *
     * @return the sum of squared residuals at the result, left in {@code s.x}; +inf when the start is invalid
     * (then {@code s.x} holds the start)
     */
    double fit(FitProblem problem, double[] start, Scratch s) {
        int n = problem.residualCount();
        int k = problem.constantCount();
        double[] x = s.x;
        System.arraycopy(start, 0, x, 0, k);
        double cost = evaluate(problem, x, s.r, s.jac, n, k);
        if (!(cost < Double.POSITIVE_INFINITY)) return Double.POSITIVE_INFINITY;
        double[] r = s.r, rTrial = s.rTrial;
        double[][] jac = s.jac, jacTrial = s.jacTrial;
        double[] a = s.a, g = s.g, h = s.h, d = s.d, xTrial = s.xTrial;
        java.util.Arrays.fill(d, 0);
        normalEquations(jac, r, n, k, a, g, d);
        double mu = INITIAL_DAMPING;
        double nu = 2;
        int evaluations = 1;
        int iterations = 0;
        while (cost > 0 && iterations < maxIterations && evaluations < maxEvaluations && mu < MAX_DAMPING) {
            if (!solve(a, d, mu, g, k, s.l, h)) {
                mu *= nu;
                nu *= 2;
                continue;
            }
            double stepNorm = 0, xNorm = 0;
            for (int j = 0; j < k; j++) {
                xTrial[j] = x[j] + h[j];
                double sd = Math.sqrt(d[j]);
                stepNorm += (sd * h[j]) * (sd * h[j]);
                xNorm += (sd * x[j]) * (sd * x[j]);
            }
            if (Math.sqrt(stepNorm) <= parameterTolerance * Math.sqrt(xNorm)) break;
            // predicted reduction of the cost, hᵀ(μDh − g) (positive for a descent step)
            double predicted = 0;
            for (int j = 0; j < k; j++) predicted += h[j] * (mu * d[j] * h[j] - g[j]);
            evaluations++;
            double trialCost = evaluate(problem, xTrial, rTrial, jacTrial, n, k);
            if (trialCost < cost) {                       // false for NaN (invalid point)
                double actual = cost - trialCost;
                double rho = predicted > 0 ? actual / predicted : 0;
                double[] tr = r; r = rTrial; rTrial = tr;
                double[][] tj = jac; jac = jacTrial; jacTrial = tj;
                System.arraycopy(xTrial, 0, x, 0, k);
                double previous = cost;
                cost = trialCost;
                iterations++;
                if (actual <= costTolerance * previous && predicted <= costTolerance * previous) break;
                normalEquations(jac, r, n, k, a, g, d);
                double t = 2 * rho - 1;
                mu *= Math.max(1.0 / 3, 1 - t * t * t);
                nu = 2;
            } else {
                mu *= nu;
                nu *= 2;
            }
        }
        return cost;
    }

    /** Sum of squared residuals at {@code c}, or NaN when the point is invalid (or its Jacobian is not finite). */
    private static double evaluate(FitProblem problem, double[] c, double[] r, double[][] jac, int n, int k) {
        if (!problem.evaluateColumns(c, r, jac)) return Double.NaN;
        for (int j = 0; j < k; j++) {
            double[] col = jac[j];
            for (int i = 0; i < n; i++) if (!(Math.abs(col[i]) <= Double.MAX_VALUE)) return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) s += r[i] * r[i];
        return Double.isFinite(s) ? s : Double.NaN;
    }

    /**
     * a = JᵀJ (row-major k×k), g = Jᵀr, d = max(d, diag(a)) with zero diagonals treated as 1 on first use. Every sum
     * runs over i in ascending order.
     */
    private static void normalEquations(double[][] jac, double[] r, int n, int k, double[] a, double[] g, double[] d) {
        if (k <= 3) {
            smallNormalEquations(jac, r, n, k, a, g);
        } else {
            generalNormalEquations(jac, r, n, k, a, g);
        }
        for (int p = 0; p < k; p++) {
            double dp = a[p * k + p];
            d[p] = Math.max(d[p], dp > 0 ? dp : (d[p] > 0 ? d[p] : 1));
        }
    }

    /** k ≤ 3 (the paper's repeat prior allows at most three constants): sums in locals, unrolled. */
    private static void smallNormalEquations(double[][] jac, double[] r, int n, int k, double[] a, double[] g) {
        double a00 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a22 = 0, g0 = 0, g1 = 0, g2 = 0;
        double[] c0 = jac[0], c1 = k > 1 ? jac[1] : null, c2 = k > 2 ? jac[2] : null;
        for (int i = 0; i < n; i++) {
            double ri = r[i];
            double j0 = c0[i];
            double j1 = k > 1 ? c1[i] : 0;
            double j2 = k > 2 ? c2[i] : 0;
            a00 += j0 * j0;
            a10 += j1 * j0;
            a11 += j1 * j1;
            a20 += j2 * j0;
            a21 += j2 * j1;
            a22 += j2 * j2;
            g0 += j0 * ri;
            g1 += j1 * ri;
            g2 += j2 * ri;
        }
        double[] all = {a00, a10, a11, a20, a21, a22};
        g[0] = g0;
        if (k > 1) g[1] = g1;
        if (k > 2) g[2] = g2;
        for (int p = 0, t = 0; p < k; p++) {
            for (int q = 0; q <= p; q++, t++) {
                a[p * k + q] = all[t];
                a[q * k + p] = all[t];
            }
        }
    }

    private static void generalNormalEquations(double[][] jac, double[] r, int n, int k, double[] a, double[] g) {
        java.util.Arrays.fill(a, 0, k * k, 0);
        java.util.Arrays.fill(g, 0, k, 0);
        for (int i = 0; i < n; i++) {
            double ri = r[i];
            for (int p = 0; p < k; p++) {
                double jp = jac[p][i];
                g[p] += jp * ri;
                int base = p * k;
                for (int q = 0; q <= p; q++) a[base + q] += jp * jac[q][i];
            }
        }
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < p; q++) a[q * k + p] = a[p * k + q];
        }
    }

    /**
     * Solves (a + μ·diag(d)) h = −g by Cholesky into {@code h}; false when the damped matrix is not numerically
     * positive definite (the caller raises μ).
     */
    private static boolean solve(double[] a, double[] d, double mu, double[] g, int k, double[] l, double[] h) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * k + j] + (i == j ? mu * d[i] : 0);
                for (int m = 0; m < j; m++) sum -= l[i * k + m] * l[j * k + m];
                if (i == j) {
                    if (!(sum > 0)) return false;
                    l[i * k + i] = Math.sqrt(sum);
                } else {
                    l[i * k + j] = sum / l[j * k + j];
                }
            }
        }
        for (int i = 0; i < k; i++) {                  // L y = −g
            double sum = -g[i];
            for (int m = 0; m < i; m++) sum -= l[i * k + m] * h[m];
            h[i] = sum / l[i * k + i];
        }
        for (int i = k - 1; i >= 0; i--) {             // Lᵀ h = y
            double sum = h[i];
            for (int m = i + 1; m < k; m++) sum -= l[m * k + i] * h[m];
            h[i] = sum / l[i * k + i];
        }
        for (int i = 0; i < k; i++) if (!Double.isFinite(h[i])) return false;
        return true;
    }
}
