package io.dsr4j.policy.lstm;

/**
 * The sampling path's hot kernels, batched: {@link #product4} ({@code o_q[j] += Σ_k v_q[k] · w[k][j]} for four batch
 * rows q at once, so that each weight row is loaded once for four rows) and {@link #tanh} (in place). Every
 * implementation computes exactly what {@link Vec#vecMat} and {@link FastActivations#tanh(double[], int, int)} compute
 * (same summation order, separate multiply and add, never a fused multiply-add), so results are bit-identical
 * whichever one runs.
 *
 * <p>{@link #best()} picks the JDK Vector API kernels when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code ./dsr} launcher and the tests do) and the CPU has vectors of
 * at least four doubles; otherwise {@link #SCALAR}, which C2 auto-vectorises where it can.
 */
interface LstmKernels {

    void product4(double[] v0, double[] v1, double[] v2, double[] v3, int rows, double[][] w,
                  double[] o0, double[] o1, double[] o2, double[] o3, int n);

    /**
     * As {@link #product4}, but the sums start from {@code i_q} instead of {@code o_q}: {@code o_q[j] = i_q[j] +
     * Σ_k v_q[k] · w[k][j]}, bit for bit what copying {@code i_q} to {@code o_q} and calling {@link #product4}
     * computes, without the copy (e.g. a bias or a precomputed input row as the starting value). {@code i_q} may be
     * {@code o_q}; otherwise it is only read.
     */
    void product4From(double[] v0, double[] v1, double[] v2, double[] v3, int rows, double[][] w,
                      double[] i0, double[] i1, double[] i2, double[] i3,
                      double[] o0, double[] o1, double[] o2, double[] o3, int n);

    void tanh(double[] a, int off, int n);

    /** {@code o[j] += Σ_k v[k] · w[k][j]} for j < n, k < rows: exactly {@link Vec#vecMat(double[], int, double[][], double[], int)}. */
    void product1(double[] v, int rows, double[][] w, double[] o, int n);

    /** The scalar kernels, one row at a time. */
    LstmKernels SCALAR = new LstmKernels() {
        @Override
        public void product4(double[] v0, double[] v1, double[] v2, double[] v3, int rows, double[][] w,
                             double[] o0, double[] o1, double[] o2, double[] o3, int n) {
            Vec.vecMat(v0, rows, w, o0, n);
            Vec.vecMat(v1, rows, w, o1, n);
            Vec.vecMat(v2, rows, w, o2, n);
            Vec.vecMat(v3, rows, w, o3, n);
        }

        @Override
        public void product4From(double[] v0, double[] v1, double[] v2, double[] v3, int rows, double[][] w,
                                 double[] i0, double[] i1, double[] i2, double[] i3,
                                 double[] o0, double[] o1, double[] o2, double[] o3, int n) {
            if (i0 != o0) System.arraycopy(i0, 0, o0, 0, n);
            if (i1 != o1) System.arraycopy(i1, 0, o1, 0, n);
            if (i2 != o2) System.arraycopy(i2, 0, o2, 0, n);
            if (i3 != o3) System.arraycopy(i3, 0, o3, 0, n);
            product4(v0, v1, v2, v3, rows, w, o0, o1, o2, o3, n);
        }

        @Override
        public void tanh(double[] a, int off, int n) {
            FastActivations.tanh(a, off, n);
        }

        @Override
        public void product1(double[] v, int rows, double[][] w, double[] o, int n) {
            Vec.vecMat(v, rows, w, o, n);
        }

        @Override
        public String toString() { return "scalar"; }
    };

    /** The fastest kernels this JVM can run (see the class comment); {@code -Ddsr4j.vector=false} forces the scalar ones. */
    static LstmKernels best() {
        if (!Boolean.parseBoolean(System.getProperty("dsr4j.vector", "true"))) return SCALAR;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return SCALAR;
        try {
            // Loaded by name: the class links against jdk.incubator.vector, absent unless the JVM added the module.
            LstmKernels k = (LstmKernels) Class.forName("io.dsr4j.policy.lstm.VectorLstmKernels")
                    .getDeclaredConstructor().newInstance();
            return ((VectorLstmKernels) k).lanes() >= 4 ? k : SCALAR;
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }
}
