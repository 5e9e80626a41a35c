package io.dsr4j.policy.lstm;

/** Dense kernels on flat row-major arrays, written as plain counted loops that C2 auto-vectorises. */
final class Vec {

    private Vec() { }

    /** out[oo..oo+n) += s · x[xo..xo+n). */
    static void axpy(double s, double[] x, int xo, double[] out, int oo, int n) {
        for (int j = 0; j < n; j++) out[oo + j] += s * x[xo + j];
    }

    /** out[oo..oo+n) += x[xo..xo+n). */
    static void add(double[] x, int xo, double[] out, int oo, int n) {
        for (int j = 0; j < n; j++) out[oo + j] += x[xo + j];
    }

    /**
     * out[oo + j] += Σ_k v[vo + k] · W[wo + k·ld + j] for j < n, k < rows: a row-vector × matrix product as a
     * sequence of axpys (contiguous, vectorisable; no reductions, whose strict order would block vectorisation).
     */
    static void vecMat(double[] v, int vo, int rows, double[] w, int wo, int ld, double[] out, int oo, int n) {
        for (int k = 0; k < rows; k++) {
            double s = v[vo + k];
            int base = wo + k * ld;
            for (int j = 0; j < n; j++) out[oo + j] += s * w[base + j];
        }
    }

    /** g[go + k·ld + j] += u[uo + k] · d[do + j] (outer-product accumulation into a gradient block). */
    static void outer(double[] u, int uo, int rows, double[] d, int dOff, int n, double[] g, int go, int ld) {
        for (int k = 0; k < rows; k++) {
            double s = u[uo + k];
            if (s == 0) continue; // one-hot style inputs and zero states are common
            int base = go + k * ld;
            for (int j = 0; j < n; j++) g[base + j] += s * d[dOff + j];
        }
    }

    /** dst[do + j·rows + k] = src[so + k·cols + j]: transpose of a rows × cols block. */
    static void transpose(double[] src, int so, int rows, int cols, double[] dst, int dOff) {
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < cols; j++) dst[dOff + j * rows + k] = src[so + k * cols + j];
        }
    }
}
