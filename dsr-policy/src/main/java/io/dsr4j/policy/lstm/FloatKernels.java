package io.dsr4j.policy.lstm;

/**
 * The float32 sampling path's kernels ({@code policy.precision: float32}): {@link #product} over a block of batch
 * rows and {@link #tanh} in place. Every implementation computes each output element as the same chain of fused
 * multiply-adds in the same order ({@code acc = fma(a[i][k], w[k][j], acc)}, k ascending, starting from the
 * output's value) and the same tanh, so results are bit-identical whichever one runs, and a row's result never
 * depends on which other rows share its block (thread-count independence).
 *
 * <p>{@link #best()} picks {@link VectorFloatKernels} when {@code jdk.incubator.vector} is present (as
 * {@link LstmKernels#best()}); {@code -Ddsr4j.vector=false} forces {@link #SCALAR}.
 */
interface FloatKernels {

    /** Columns of every matrix passed to {@link #product} are padded to a multiple of this (zeros). */
    int PAD = 16;

    /**
     * {@code out[i][j] = fma-chain over k < depth of a[i][k] · w[k·n + j]}, added to {@code out[i][j]}, for
     * {@code i < rows} and {@code j < n}; {@code n} is a multiple of {@link #PAD}, {@code w} row-major depth × n.
     */
    void product(float[][] a, int rows, int depth, float[] w, int n, float[][] out);

    /**
     * As {@link #product}, but each row's chains start from {@code start[i][j]} instead of {@code out[i][j]}: bit for
     * bit copying {@code start[i]} to {@code out[i]} and calling {@link #product}, without the copy. {@code start[i]}
     * may be {@code out[i]}; otherwise it is only read (rows may share one, e.g. a bias).
     */
    void productFrom(float[][] a, int rows, int depth, float[] w, int n, float[][] start, float[][] out);

    /** In place: {@code x[off..off+n) = tanh(x)} ({@link #tanh(float)} lane-wise). */
    void tanh(float[] x, int off, int n);

    /**
     * An LSTM cell after its products, as {@link RnnNetwork#lstmActivations} in float: {@code g} holds the h-wide
     * pre-activations (i, f, g, o; i, f, o halved, see {@link RnnNetwork#sync()}) and is overwritten; writes the new
     * state {@code c} (in place) and {@code hOut}; {@code aux} is scratch (tanh of the new c). Every implementation
     * computes {@link #SCALAR}'s operations element by element, so bit-identical.
     */
    void lstm(int h, boolean first, float[] g, float[] c, float[] hOut, float[] aux);

    float CLAMP = 9.0f;
    float P0 = (float) FastActivations.P0, P1 = (float) FastActivations.P1, P2 = (float) FastActivations.P2,
            P3 = (float) FastActivations.P3, P4 = (float) FastActivations.P4, P5 = (float) FastActivations.P5;
    float Q1 = (float) FastActivations.Q1, Q2 = (float) FastActivations.Q2, Q3 = (float) FastActivations.Q3,
            Q4 = (float) FastActivations.Q4, Q5 = (float) FastActivations.Q5;

    /**
     * {@link FastActivations}'s rational tanh in float with fused Horner steps; clamped to ±9 (1 − tanh(9) = 3e-8,
     * below float resolution at 1). Absolute error ≤ 5e-7 ({@code FloatKernelsTest}).
     */
    static float tanh(float x) {
        float xc = Math.max(-CLAMP, Math.min(CLAMP, x));
        float u = xc * xc;
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(P5, u, P4), u, P3), u, P2), u, P1), u, P0);
        float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Q5, u, Q4), u, Q3), u, Q2), u, Q1), u, 1.0f);
        return xc * p / q;
    }

    /** {@link #lstm}'s new cell state for units j ≥ from (σ(a) = ½ + ½·tanh(a/2); aux = the new c). */
    static void lstmState(float[] g, float[] c, float[] aux, int h, boolean first, int from) {
        for (int j = from; j < h; j++) {
            float i = 0.5f + 0.5f * g[j], f = 0.5f + 0.5f * g[h + j], gg = g[2 * h + j];
            aux[j] = c[j] = first ? i * gg : Math.fma(f, c[j], i * gg);
        }
    }

    /** {@link #lstm}'s output for units j ≥ from: h = σ(o)·tanh(c), {@code aux} holding tanh(c). */
    static void lstmOutput(float[] g, float[] aux, float[] hOut, int h, int from) {
        for (int j = from; j < h; j++) hOut[j] = (0.5f + 0.5f * g[3 * h + j]) * aux[j];
    }

    /** Plain Java: k-outer loops that C2 can vectorise. */
    FloatKernels SCALAR = new FloatKernels() {
        @Override
        public void product(float[][] a, int rows, int depth, float[] w, int n, float[][] out) {
            for (int i = 0; i < rows; i++) {
                float[] ai = a[i], o = out[i];
                for (int k = 0; k < depth; k++) {
                    float s = ai[k];
                    int base = k * n;
                    for (int j = 0; j < n; j++) o[j] = Math.fma(s, w[base + j], o[j]);
                }
            }
        }

        @Override
        public void productFrom(float[][] a, int rows, int depth, float[] w, int n, float[][] start, float[][] out) {
            for (int i = 0; i < rows; i++) if (start[i] != out[i]) System.arraycopy(start[i], 0, out[i], 0, n);
            product(a, rows, depth, w, n, out);
        }

        @Override
        public void tanh(float[] x, int off, int n) {
            for (int i = off, end = off + n; i < end; i++) x[i] = FloatKernels.tanh(x[i]);
        }

        @Override
        public void lstm(int h, boolean first, float[] g, float[] c, float[] hOut, float[] aux) {
            tanh(g, 0, 4 * h);
            FloatKernels.lstmState(g, c, aux, h, first, 0);
            tanh(aux, 0, h);
            FloatKernels.lstmOutput(g, aux, hOut, h, 0);
        }

        @Override
        public String toString() { return "scalar float"; }
    };

    /** The fastest float kernels this JVM can run. */
    static FloatKernels best() {
        if (!Boolean.parseBoolean(System.getProperty("dsr4j.vector", "true"))) return SCALAR;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return SCALAR;
        try {
            FloatKernels k = (FloatKernels) Class.forName("io.dsr4j.policy.lstm.VectorFloatKernels")
                    .getDeclaredConstructor().newInstance();
            return ((VectorFloatKernels) k).lanes() >= 4 && PAD % ((VectorFloatKernels) k).lanes() == 0 ? k : SCALAR;
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }
}
