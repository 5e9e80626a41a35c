package io.dsr4j.policy.lstm;

/**
 * Dense kernels written so that C2 (JDK 17) auto-vectorises them: every loop indexes all of its arrays with the
 * same index expression. C2 gives up on loops that store to one array and load from another at <em>different
 * variable</em> offsets (it cannot rule out aliasing), which costs ~3×; the engine therefore keeps matrices as arrays
 * of rows and vectors as separate 0-based arrays.
 */
final class Vec {

    private Vec() { }

    /** out[j] += s · x[j], j < n. */
    static void axpy(double s, double[] x, double[] out, int n) {
        for (int j = 0; j < n; j++) out[j] += s * x[j];
    }

    /** out[j] += s · x[j] for j in [from, to) (same index on both sides keeps it vectorisable). */
    static void axpy(double s, double[] x, double[] out, int from, int to) {
        for (int j = from; j < to; j++) out[j] += s * x[j];
    }

    /** out[j] += x[j], j < n. */
    static void add(double[] x, double[] out, int n) {
        for (int j = 0; j < n; j++) out[j] += x[j];
    }

    /** out[j] += Σ_k v[k] · w[k][j] for j < n, k < rows (row vector × matrix as axpys over rows). */
    static void vecMat(double[] v, int rows, double[][] w, double[] out, int n) {
        vecMat(v, 0, rows, w, out, 0, n);
    }

    /** out[j] += Σ_k v[k] · w[k][j] for j in [from, to). */
    static void vecMat(double[] v, int rows, double[][] w, double[] out, int from, int to) {
        vecMat(v, 0, rows, w, out, from, to);
    }

    /** out[j] += Σ_{k in [k0, k1)} v[k] · w[k][j] for j < n (a block of rows). */
    static void vecMatRows(double[] v, int k0, int k1, double[][] w, double[] out, int n) {
        vecMat(v, k0, k1, w, out, 0, n);
    }

    /**
     * out[j] += Σ_{k in [k0, k1)} v[k] · w[k][j] for j in [from, to). Four rows per pass: each pass loads and stores
     * {@code out} once for four multiply-adds, which is what limits these loops (1.6× faster than one row per pass).
     * The summation order is fixed, so results are deterministic.
     */
    static void vecMat(double[] v, int k0, int k1, double[][] w, double[] out, int from, int to) {
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            double s0 = v[k], s1 = v[k + 1], s2 = v[k + 2], s3 = v[k + 3];
            double[] r0 = w[k], r1 = w[k + 1], r2 = w[k + 2], r3 = w[k + 3];
            for (int j = from; j < to; j++) out[j] += (s0 * r0[j] + s1 * r1[j]) + (s2 * r2[j] + s3 * r3[j]);
        }
        for (; k < k1; k++) {
            double s = v[k];
            double[] row = w[k];
            for (int j = from; j < to; j++) out[j] += s * row[j];
        }
    }

    /** g[k][j] += u[k] · d[j] for k < rows, j < n (outer-product accumulation). */
    static void outer(double[] u, int rows, double[] d, double[][] g, int n) {
        for (int k = 0; k < rows; k++) {
            double s = u[k];
            if (s == 0) continue; // zero states and inputs are common
            double[] row = g[k];
            for (int j = 0; j < n; j++) row[j] += s * d[j];
        }
    }

    /** g[k][j] += u[k] · d[j] for k < rows, j in [from, to). */
    static void outer(double[] u, int rows, double[] d, double[][] g, int from, int to) {
        for (int k = 0; k < rows; k++) {
            double s = u[k];
            if (s == 0) continue;
            double[] row = g[k];
            for (int j = from; j < to; j++) row[j] += s * d[j];
        }
    }
}
