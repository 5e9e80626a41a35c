package io.dsr4j.policy.lstm;

/**
 * {@code o_q[j] += Σ_k v_q[k] · w[k][j]} (k < rows, j < n) for four batch rows q at once, so that each weight row
 * is loaded once for four rows. Every implementation keeps {@link Vec#vecMat}'s summation order exactly (blocks of
 * four products summed pairwise, each block added to the accumulator in k order, then single rows; no fused
 * multiply-add), so results are bit-identical whichever one runs.
 *
 * <p>{@link #best()} picks the JDK Vector API kernel when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code ./dsr} launcher and the tests do) and the CPU has vectors of
 * at least four doubles; otherwise four calls of the scalar kernel, which C2 auto-vectorises one row at a time.
 */
interface QuadProduct {

    void apply(double[] v0, double[] v1, double[] v2, double[] v3, int rows, double[][] w,
               double[] o0, double[] o1, double[] o2, double[] o3, int n);

    /** The scalar kernel, one row at a time. */
    QuadProduct SCALAR = (v0, v1, v2, v3, rows, w, o0, o1, o2, o3, n) -> {
        Vec.vecMat(v0, rows, w, o0, n);
        Vec.vecMat(v1, rows, w, o1, n);
        Vec.vecMat(v2, rows, w, o2, n);
        Vec.vecMat(v3, rows, w, o3, n);
    };

    /** The fastest kernel this JVM can run (see the class comment); {@code -Ddsr4j.vector=false} forces the scalar one. */
    static QuadProduct best() {
        if (!Boolean.parseBoolean(System.getProperty("dsr4j.vector", "true"))) return SCALAR;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return SCALAR;
        try {
            // Loaded by name: the class links against jdk.incubator.vector, absent unless the JVM added the module.
            QuadProduct k = (QuadProduct) Class.forName("io.dsr4j.policy.lstm.VectorQuadProduct")
                    .getDeclaredConstructor().newInstance();
            return ((VectorQuadProduct) k).lanes() >= 4 ? k : SCALAR;
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }
}
