package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.FitProblem;

/**
 * One Levenberg–Marquardt run with a scaled trust region, on plain arrays, as described by J. J. Moré, "The
 * Levenberg–Marquardt algorithm: implementation and theory" (Numerical Analysis, Lecture Notes in Mathematics 630,
 * 1978) — the algorithm of MINPACK's lmder, written here from the paper for the small problems of constant fitting
 * (a few constants, tens of rows). Each iteration:
 * <ol>
 *   <li>a QR factorisation with column pivoting of the Jacobian, J·P = Q·R (Householder, on the columns as the
 *   program's tangents produce them), and Qᵀr;</li>
 *   <li>scaling D: the largest Euclidean norm seen so far of each Jacobian column (so the run does not depend on
 *   the constants' units), and the initial radius Δ = factor·‖D·x₀‖;</li>
 *   <li>the step p(α) = argmin ‖J·p + r‖² + α‖D·p‖²: α = 0 (Gauss–Newton) when ‖D·p(0)‖ ≤ 1.1·Δ, else the α with
 *   |‖D·p(α)‖ − Δ| ≤ 0.1·Δ, found by Moré's safeguarded Newton iteration on φ(α) = ‖D·p(α)‖ − Δ (bounds from the
 *   Newton step at 0 and the scaled gradient; at most 10 steps). p(α) comes from R: the rows √α·D·P are rotated
 *   into R by Givens rotations, so JᵀJ is never formed;</li>
 *   <li>the ratio ρ of the actual to the predicted reduction of ‖r‖ decides: ρ ≤ ¼ shrinks Δ (by a factor in
 *   [0.1, 0.5] from the quadratic model along p), ρ ≥ ¾ (or α = 0) sets Δ = 2‖D·p‖; the step is taken when
 *   ρ ≥ 10⁻⁴.</li>
 * </ol>
 * It stops on a small relative reduction of ‖r‖ (predicted and actual, {@code cost_tolerance}), a radius below
 * {@code parameter_tolerance}·‖D·x‖, residuals orthogonal to the Jacobian's columns ({@code ortho_tolerance}), the
 * iteration or evaluation limit, or a Jacobian column whose norm overflows. An invalid trial point (non-finite
 * values) counts as a rejected step with the largest shrink of Δ.
 *
 * <p>Allocation-free per fit: every array lives in a {@link Scratch}.
 */
final class TrustRegionLm {

    /** Relative accuracy of ‖D·p(α)‖ = Δ asked of the LM-parameter search. */
    private static final double SIGMA = 0.1;
    /** Newton steps of the LM-parameter search per trial. */
    private static final int PARAMETER_STEPS = 10;
    private static final double ACCEPT = 1e-4;
    private static final double EPS = Math.ulp(1.0);

    private final int maxIterations;
    private final int maxEvaluations;
    private final double costTolerance;
    private final double parameterTolerance;
    private final double orthoTolerance;
    private final double stepBoundFactor;

    TrustRegionLm(LevenbergMarquardtSettings s) {
        this.maxIterations = s.maxIterations();
        this.maxEvaluations = s.maxEvaluations();
        this.costTolerance = s.costRelativeTolerance();
        this.parameterTolerance = s.parameterRelativeTolerance();
        this.orthoTolerance = s.orthoTolerance();
        this.stepBoundFactor = s.initialStepBoundFactor();
    }

    /** One thread's arrays for fits with n residuals and k constants; each fit writes what it reads. */
    static final class Scratch {
        final int n, k;
        double[] r, rTrial;
        double[][] jac, jacTrial;       // by columns: jac[j][i] = d r_i / d c_j
        final double[][] pivoted;       // jac's columns in pivot order
        final double[] qtr;             // Qᵀr; its first k entries are used
        final double[] x, xTrial, d, norms, squares, p, z, u, w, dp, sRow;
        final double[] rMat, sMat;      // k×k upper triangular R and S, row-major, in pivot order
        final int[] perm;

        Scratch(int n, int k) {
            this.n = n;
            this.k = k;
            r = new double[n];
            rTrial = new double[n];
            jac = new double[k][n];
            jacTrial = new double[k][n];
            pivoted = new double[k][];
            qtr = new double[Math.max(n, k)];        // zero beyond n (R has min(n, k) nonzero rows)
            x = new double[k];
            xTrial = new double[k];
            d = new double[k];
            norms = new double[k];
            squares = new double[k];
            p = new double[k];
            z = new double[k];
            u = new double[k];
            w = new double[k];
            dp = new double[k];
            sRow = new double[k];
            rMat = new double[k * k];
            sMat = new double[k * k];
            perm = new int[k];
        }
    }

    /** Fits from {@code start}; every valid point evaluated is offered to {@code best}. */
    void fit(FitProblem problem, double[] start, Scratch s, BestPoint best) {
        int k = s.k;
        double[] x = s.x, xTrial = s.xTrial, d = s.d, p = s.p;
        System.arraycopy(start, 0, x, 0, k);
        double cost = evaluate(problem, x, s.r, s.jac, s, best);
        if (!(cost < Double.POSITIVE_INFINITY)) return;
        double fnorm = Math.sqrt(cost);
        int evaluations = 1, iterations = 0;
        double alpha = 0, delta = 0, xNorm = 0;
        boolean first = true;
        while (true) {
            iterations++;
            if (fnorm == 0) return;
            int rank = decompose(s);
            if (rank < 0) return;                           // a column norm overflows
            double[] norms = s.norms;
            if (first) {
                for (int j = 0; j < k; j++) d[j] = norms[j] == 0 ? 1 : norms[j];
                xNorm = scaledNorm(d, x, k);
                delta = xNorm == 0 ? stepBoundFactor : stepBoundFactor * xNorm;
            }
            if (maxCosine(s, fnorm) <= orthoTolerance) return;
            for (int j = 0; j < k; j++) d[j] = Math.max(d[j], norms[j]);
            while (true) {
                alpha = parameter(s, rank, delta, alpha);
                double stepNorm = scaledNorm(d, p, k);
                for (int j = 0; j < k; j++) xTrial[j] = x[j] + p[j];
                if (first) delta = Math.min(delta, stepNorm);
                if (evaluations >= maxEvaluations) return;
                evaluations++;
                double trialCost = evaluate(problem, xTrial, s.rTrial, s.jacTrial, s, best);
                double trialNorm = trialCost < Double.POSITIVE_INFINITY ? Math.sqrt(trialCost) : Double.POSITIVE_INFINITY;
                double actual = 0.1 * trialNorm < fnorm ? 1 - (trialNorm / fnorm) * (trialNorm / fnorm) : -1;
                // predicted reduction of the linear model, scaled by ‖r‖²: ‖J·p‖² + 2α‖D·p‖²
                double jp = modelNorm(s) / fnorm;
                double damp = Math.sqrt(alpha) * stepNorm / fnorm;
                double predicted = jp * jp + 2 * damp * damp;
                double slope = -(jp * jp + damp * damp);
                double ratio = predicted == 0 ? 0 : actual / predicted;
                if (ratio <= 0.25) {
                    double shrink = actual >= 0 ? 0.5 : 0.5 * slope / (slope + 0.5 * actual);
                    if (0.1 * trialNorm >= fnorm || shrink < 0.1) shrink = 0.1;
                    delta = shrink * Math.min(delta, 10 * stepNorm);
                    alpha /= shrink;
                } else if (alpha == 0 || ratio >= 0.75) {
                    delta = 2 * stepNorm;
                    alpha *= 0.5;
                }
                boolean accepted = ratio >= ACCEPT;
                if (accepted) {
                    System.arraycopy(xTrial, 0, x, 0, k);
                    double[] t = s.r; s.r = s.rTrial; s.rTrial = t;
                    double[][] tj = s.jac; s.jac = s.jacTrial; s.jacTrial = tj;
                    fnorm = trialNorm;
                    xNorm = scaledNorm(d, x, k);
                    first = false;
                }
                if (Math.abs(actual) <= costTolerance && predicted <= costTolerance && ratio <= 2) return;
                if (delta <= parameterTolerance * xNorm) return;
                if (Math.abs(actual) <= EPS && predicted <= EPS && ratio <= 2) return;
                if (delta <= EPS * xNorm) return;
                if (accepted) {
                    if (iterations >= maxIterations) return;
                    break;
                }
            }
        }
    }

    /** Sum of squared residuals at {@code c} (offered to {@code best}), or NaN when the point is invalid. */
    private static double evaluate(FitProblem problem, double[] c, double[] r, double[][] jac, Scratch s,
                                   BestPoint best) {
        if (!problem.evaluateColumns(c, r, jac)) return Double.NaN;
        int n = s.n;
        for (int j = 0; j < s.k; j++) {
            double[] col = jac[j];
            for (int i = 0; i < n; i++) if (!(Math.abs(col[i]) <= Double.MAX_VALUE)) return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) sum += r[i] * r[i];
        if (!(sum < Double.POSITIVE_INFINITY)) return Double.NaN;
        best.offer(c, sum);
        return sum;
    }

    /**
     * Householder QR with column pivoting of {@code s.jac} (destroyed) into {@code s.rMat}, {@code s.perm} and
     * {@code s.qtr} = Qᵀr; the original column norms into {@code s.norms}.
     *
     * @return the rank (columns with a nonzero remaining norm), or -1 when a column's norm overflows
     */
    static int decompose(Scratch s) {
        int n = s.n, k = s.k;
        double[][] a = s.pivoted;
        int[] perm = s.perm;
        double[] rm = s.rMat, qtr = s.qtr;
        double[] squares = s.squares;
        for (int j = 0; j < k; j++) {
            a[j] = s.jac[j];
            perm[j] = j;
            double sum = 0;
            for (double v : a[j]) sum += v * v;
            if (!(sum < Double.POSITIVE_INFINITY)) return -1;
            squares[j] = sum;
            s.norms[j] = Math.sqrt(sum);
        }
        System.arraycopy(s.r, 0, qtr, 0, n);
        java.util.Arrays.fill(qtr, n, qtr.length, 0);
        java.util.Arrays.fill(rm, 0);
        int steps = Math.min(n, k), rank = steps;
        for (int c = 0; c < steps; c++) {
            int pivot = c;
            double best = -1;
            for (int j = c; j < k; j++) {
                double[] col = a[j];
                double sum;
                if (c == 0) {
                    sum = squares[j];                           // the same sum, already taken above
                } else {
                    sum = 0;
                    for (int i = c; i < n; i++) sum += col[i] * col[i];
                }
                if (sum > best) {
                    best = sum;
                    pivot = j;
                }
            }
            if (!(best > Double.MIN_NORMAL)) {               // the remaining columns are zero
                rank = c;
                break;
            }
            double[] t = a[c]; a[c] = a[pivot]; a[pivot] = t;
            int tp = perm[c]; perm[c] = perm[pivot]; perm[pivot] = tp;
            double[] v = a[c];
            double norm = Math.sqrt(best);
            double head = v[c];
            double diag = head > 0 ? -norm : norm;        // H·v = diag·e_c, without cancellation in v[c]
            double beta = 1 / (best - head * diag);
            v[c] = head - diag;
            rm[c * k + c] = diag;
            for (int j = c + 1; j < k; j++) {
                double[] col = a[j];
                double g = 0;
                for (int i = c; i < n; i++) g += v[i] * col[i];
                g *= beta;
                for (int i = c; i < n; i++) col[i] -= g * v[i];
            }
            double g = 0;
            for (int i = c; i < n; i++) g += v[i] * qtr[i];
            g *= beta;
            for (int i = c; i < n; i++) qtr[i] -= g * v[i];
        }
        // R above the diagonal is what the reflections left in the rows above each column's own (read only now:
        // later pivots reorder the columns)
        for (int c = 0; c < rank; c++) {
            for (int j = c + 1; j < k; j++) rm[c * k + j] = a[j][c];
        }
        return rank;
    }

    /** Largest |cosine| between r and a Jacobian column: |(Rᵀ·Qᵀr)_j| / (‖J_j‖·‖r‖). */
    private static double maxCosine(Scratch s, double fnorm) {
        int k = s.k;
        double max = 0;
        for (int c = 0; c < k; c++) {
            double norm = s.norms[s.perm[c]];
            if (norm == 0) continue;
            double sum = 0;
            for (int i = 0; i <= c; i++) sum += s.rMat[i * k + c] * s.qtr[i];
            max = Math.max(max, Math.abs(sum) / (norm * fnorm));
        }
        return max;
    }

    /** ‖J·p‖ = ‖R·Pᵀp‖. */
    private static double modelNorm(Scratch s) {
        int k = s.k;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double t = 0;
            for (int c = i; c < k; c++) t += s.rMat[i * k + c] * s.p[s.perm[c]];
            sum += t * t;
        }
        return Math.sqrt(sum);
    }

    private static double scaledNorm(double[] d, double[] v, int k) {
        double sum = 0;
        for (int j = 0; j < k; j++) sum += (d[j] * v[j]) * (d[j] * v[j]);
        return Math.sqrt(sum);
    }

    /**
     * The LM parameter α for radius Δ (Moré §5) and its step into {@code s.p}; {@code previous} is the last
     * iteration's α, the first guess.
     */
    static double parameter(Scratch s, int rank, double delta, double previous) {
        int k = s.k;
        int[] perm = s.perm;
        double[] rm = s.rMat, qtr = s.qtr, z = s.z, dp = s.dp, w = s.w, d = s.d;
        for (int c = 0; c < k; c++) dp[c] = d[perm[c]];
        // Gauss–Newton step: R·z = −Qᵀr on the first `rank` columns, 0 beyond
        for (int c = k - 1; c >= 0; c--) {
            if (c >= rank) {
                z[c] = 0;
                continue;
            }
            double sum = -qtr[c];
            for (int j = c + 1; j < rank; j++) sum -= rm[c * k + j] * z[j];
            z[c] = sum / rm[c * k + c];
        }
        double dxNorm = permutedNorm(dp, z, k);
        double phi = dxNorm - delta;
        if (phi <= SIGMA * delta) {
            unpermute(s, z);
            return 0;
        }
        boolean newton = dxNorm < Double.POSITIVE_INFINITY;   // else R is too close to singular for the bound
        if (!newton) phi = dxNorm = Double.POSITIVE_INFINITY;
        if (!(previous < Double.POSITIVE_INFINITY)) previous = 0;
        // lower bound from the Newton step at α = 0 (only for full rank), upper bound from the scaled gradient
        double lower = 0;
        if (rank == k && newton) {
            for (int c = 0; c < k; c++) w[c] = dp[c] * (dp[c] * z[c]) / dxNorm;
            double qq = lowerSolve(rm, w, k);
            lower = phi / (delta * qq);
        }
        double gNorm = 0;
        for (int c = 0; c < k; c++) {
            double g = 0;
            for (int i = 0; i <= c; i++) g += rm[i * k + c] * qtr[i];
            g /= dp[c];
            gNorm += g * g;
        }
        gNorm = Math.sqrt(gNorm);
        double upper = gNorm / delta;
        if (upper == 0) upper = Double.MIN_NORMAL / Math.min(delta, 0.1);
        double alpha = Math.min(upper, Math.max(previous, lower));
        if (alpha == 0) alpha = gNorm / dxNorm;
        for (int step = 0; step <= PARAMETER_STEPS; step++) {
            if (alpha == 0) alpha = Math.max(Double.MIN_NORMAL, 0.001 * upper);
            dampedStep(s, Math.sqrt(alpha));
            dxNorm = permutedNorm(dp, z, k);
            double previousPhi = phi;
            phi = dxNorm - delta;
            if (Math.abs(phi) <= SIGMA * delta || (lower == 0 && phi <= previousPhi && previousPhi < 0)) break;
            // Newton's step on φ: φ'(α) = −‖S⁻ᵀ·D²z‖²/‖Dz‖, with SᵀS = RᵀR + αD²
            for (int c = 0; c < k; c++) w[c] = dp[c] * (dp[c] * z[c]) / dxNorm;
            double qq = lowerSolve(s.sMat, w, k);
            if (!(qq > 0 && qq < Double.POSITIVE_INFINITY)) break;
            double correction = phi / (delta * qq);
            if (phi > 0) lower = Math.max(lower, alpha);
            else if (phi < 0) upper = Math.min(upper, alpha);
            double next = Math.max(lower, alpha + correction);
            if (!(next < Double.POSITIVE_INFINITY)) break;
            alpha = next;
        }
        unpermute(s, z);
        return alpha;
    }

    /**
     * z = argmin ‖R·z + Qᵀr‖² + ‖√α·D·z‖² (pivot order): the rows √α·D are rotated into R by Givens rotations,
     * giving upper triangular S (into {@code s.sMat}) and S·z = u.
     */
    private static void dampedStep(Scratch s, double sqrtAlpha) {
        int k = s.k;
        double[] sm = s.sMat, u = s.u, row = s.sRow, z = s.z, dp = s.dp;
        System.arraycopy(s.rMat, 0, sm, 0, k * k);
        for (int c = 0; c < k; c++) u[c] = -s.qtr[c];
        for (int j = 0; j < k; j++) {
            if (dp[j] == 0) continue;
            java.util.Arrays.fill(row, j, k, 0);
            row[j] = sqrtAlpha * dp[j];
            double extra = 0;                                 // the rotated row's right-hand side
            for (int c = j; c < k; c++) {
                double b = row[c];
                if (b == 0) continue;
                double a = sm[c * k + c];
                double cos, sin;
                if (Math.abs(a) < Math.abs(b)) {
                    double cot = a / b;
                    sin = 1 / Math.sqrt(1 + cot * cot);
                    cos = sin * cot;
                } else {
                    double tan = b / a;
                    cos = 1 / Math.sqrt(1 + tan * tan);
                    sin = cos * tan;
                }
                for (int i = c; i < k; i++) {
                    double top = sm[c * k + i], bottom = row[i];
                    sm[c * k + i] = cos * top + sin * bottom;
                    row[i] = -sin * top + cos * bottom;
                }
                double top = u[c];
                u[c] = cos * top + sin * extra;
                extra = -sin * top + cos * extra;
            }
        }
        for (int c = k - 1; c >= 0; c--) {
            double diag = sm[c * k + c];
            if (diag == 0) {
                z[c] = 0;
                continue;
            }
            double sum = u[c];
            for (int j = c + 1; j < k; j++) sum -= sm[c * k + j] * z[j];
            z[c] = sum / diag;
        }
    }

    /** Solves Tᵀ·q = w for upper triangular T (row-major k×k) in place of w; returns ‖q‖². */
    private static double lowerSolve(double[] t, double[] w, int k) {
        double sum2 = 0;
        for (int c = 0; c < k; c++) {
            double sum = w[c];
            for (int i = 0; i < c; i++) sum -= t[i * k + c] * w[i];
            double diag = t[c * k + c];
            w[c] = diag == 0 ? 0 : sum / diag;
            sum2 += w[c] * w[c];
        }
        return sum2;
    }

    private static double permutedNorm(double[] dp, double[] z, int k) {
        double sum = 0;
        for (int c = 0; c < k; c++) sum += (dp[c] * z[c]) * (dp[c] * z[c]);
        return Math.sqrt(sum);
    }

    /** p[perm[c]] = z[c]. */
    private static void unpermute(Scratch s, double[] z) {
        for (int c = 0; c < s.k; c++) s.p[s.perm[c]] = z[c];
    }
}
