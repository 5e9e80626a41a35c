package io.dsr4j.programs.constfit;

import io.dsr4j.api.util.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of {@link TrustRegionLm} against their definitions, on random Jacobians (some rank-deficient). */
class TrustRegionLmTest {

    /** J (by columns), r and scaling D of a random problem; column 1 zero when deficient. */
    private static TrustRegionLm.Scratch random(Rng rng, int n, int k, boolean deficient) {
        TrustRegionLm.Scratch s = new TrustRegionLm.Scratch(n, k);
        for (int j = 0; j < k; j++) {
            double scale = Math.pow(10, 4 * rng.nextDouble() - 2);
            for (int i = 0; i < n; i++) s.jac[j][i] = scale * (2 * rng.nextDouble() - 1);
            s.d[j] = Math.pow(10, 2 * rng.nextDouble() - 1);
        }
        if (deficient && k > 1) java.util.Arrays.fill(s.jac[1], 0);     // a constant without effect
        for (int i = 0; i < n; i++) s.r[i] = 2 * rng.nextDouble() - 1;
        return s;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int j = 0; j < a.length; j++) c[j] = a[j].clone();
        return c;
    }

    /** J·P = Q·R: R's columns keep J's column norms, and Rᵀ·Qᵀr is Jᵀr in pivot order. */
    @Test
    void decompositionPreservesNormsAndTheGradient() {
        Rng rng = new Rng(3);
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + rng.nextInt(5), n = k + rng.nextInt(20);
            boolean deficient = trial % 3 == 0;
            TrustRegionLm.Scratch s = random(rng, n, k, deficient);
            double[][] jac = copy(s.jac);
            int rank = TrustRegionLm.decompose(s);
            assertEquals(deficient && k > 1 ? k - 1 : k, rank, "rank");
            for (int c = 0; c < k; c++) {
                double[] col = jac[s.perm[c]];
                double norm = 0, grad = 0;
                for (int i = 0; i < n; i++) {
                    norm += col[i] * col[i];
                    grad += col[i] * s.r[i];
                }
                double rNorm = 0, rGrad = 0;
                for (int i = 0; i <= c; i++) {
                    double e = s.rMat[i * k + c];
                    rNorm += e * e;
                    rGrad += e * s.qtr[i];
                }
                if (c < rank) assertEquals(Math.sqrt(norm), Math.sqrt(rNorm), 1e-12 * Math.sqrt(norm), "column norm");
                assertEquals(grad, rGrad, 1e-10 * Math.sqrt(norm), "gradient");
                assertEquals(Math.sqrt(norm), s.norms[s.perm[c]], 1e-12 * Math.sqrt(norm));
            }
            for (int c = 1; c < rank; c++) {
                assertTrue(Math.abs(s.rMat[c * k + c]) <= Math.abs(s.rMat[(c - 1) * k + c - 1]) * (1 + 1e-12),
                        "pivoting orders |R_cc| by size");
            }
        }
    }

    /**
     * The step solves (JᵀJ + αD²)·p = −Jᵀr, and α meets Moré's acceptance test: α = 0 with ‖D·p‖ ≤ 1.1·Δ, or
     * |‖D·p‖ − Δ| ≤ 0.1·Δ (for full rank).
     */
    @Test
    void stepSolvesTheDampedSystemAndFitsTheRadius() {
        Rng rng = new Rng(9);
        int zero = 0, onRadius = 0;
        for (int trial = 0; trial < 600; trial++) {
            int k = 1 + rng.nextInt(5), n = k + rng.nextInt(20);
            boolean deficient = trial % 4 == 0;
            TrustRegionLm.Scratch s = random(rng, n, k, deficient);
            double[][] jac = copy(s.jac);
            int rank = TrustRegionLm.decompose(s);
            double delta = Math.pow(10, 6 * rng.nextDouble() - 4);
            double previous = trial % 2 == 0 ? 0 : Math.pow(10, 4 * rng.nextDouble() - 2);
            double alpha = TrustRegionLm.parameter(s, rank, delta, previous);
            double[] p = s.p;
            double dp = 0;
            for (int j = 0; j < k; j++) dp += (s.d[j] * p[j]) * (s.d[j] * p[j]);
            dp = Math.sqrt(dp);
            if (alpha == 0) {
                zero++;
                assertTrue(dp <= 1.1 * delta * (1 + 1e-12), "Gauss-Newton step inside the region");
            } else {
                onRadius++;
                // (short of the radius only in Moré's exception for rank-deficient J: the search stalls below it)
                assertTrue(dp <= 1.1 * delta * (1 + 1e-9), "step length at most 10 % beyond the radius");
                if (rank == k) assertTrue(dp >= 0.9 * delta * (1 - 1e-9), "step length within 10 % of the radius");
                // residual of (JᵀJ + αD²)p + Jᵀr, relative to the size of its terms
                double[] jp = new double[n];
                for (int j = 0; j < k; j++) for (int i = 0; i < n; i++) jp[i] += jac[j][i] * p[j];
                for (int j = 0; j < k; j++) {
                    double lhs = alpha * s.d[j] * s.d[j] * p[j], g = 0, size = Math.abs(lhs);
                    for (int i = 0; i < n; i++) {
                        lhs += jac[j][i] * jp[i];
                        g += jac[j][i] * s.r[i];
                        size += Math.abs(jac[j][i] * jp[i]) + Math.abs(jac[j][i] * s.r[i]);
                    }
                    assertEquals(0, lhs + g, 1e-9 * size, "normal equations, column " + j);
                }
            }
        }
        assertTrue(zero > 50 && onRadius > 300, zero + " Gauss-Newton steps, " + onRadius + " on the radius");
    }
}
