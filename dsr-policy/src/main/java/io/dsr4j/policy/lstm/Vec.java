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
        for (int k = 0; k < rows; k++) {
            double s = v[k];
            double[] row = w[k];
            for (int j = 0; j < n; j++) out[j] += s * row[j];
        }
    }

    /** out[j] += Σ_k v[k] · w[k][j] for j in [from, to). */
    static void vecMat(double[] v, int rows, double[][] w, double[] out, int from, int to) {
        for (int k = 0; k < rows; k++) {
            double s = v[k];
            double[] row = w[k];
            for (int j = from; j < to; j++) out[j] += s * row[j];
        }
    }

    /** out[j] += Σ_{k in [from, to)} v[k] · w[k][j] for j < n (a block of rows). */
    static void vecMatRows(double[] v, int from, int to, double[][] w, double[] out, int n) {
        for (int k = from; k < to; k++) {
            double s = v[k];
            double[] row = w[k];
            for (int j = 0; j < n; j++) out[j] += s * row[j];
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
