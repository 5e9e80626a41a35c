package io.dsr4j.policy.lstm;

import org.bytedeco.openblas.global.openblas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Candidate kernels for the LSTM's recurrent product over a batch: {@code out[r] = b + h[r]·W} for 1000 rows,
 * H = 32, 4H = 128: 4.1 M multiply-adds per call (GMAC/s = 4096 / µs). {@code k4} is {@link Vec#vecMat} (one row
 * at a time, auto-vectorised by C2), {@code k8} two blocks of four per pass, {@code rows2k8} two batch rows per pass,
 * {@code quad} the production {@link LstmKernels#best()}; all keep the same summation order (blocks of four
 * products, each block added in k order, no FMA), so they are bit-identical. {@code dgemm}/{@code sgemm} are the
 * OpenBLAS that ND4J bundles (JavaCPP, one thread), not bit-identical. {@code sfma} is the float32 path's
 * {@link FloatKernels#best()} (Vector API, FMA, 4 rows × 2 vectors register-blocked), {@code sfmaScalar} its
 * plain-Java twin (bit-identical to it). Scalar kernels that hold more than one
 * output row or more than eight weight rows per pass were slower still (C2 stops vectorising them: 1.1–1.6 ms).
 *
 * <p>Run: {@code java -cp <test classpath> io.dsr4j.policy.bench.GemmKernelBenchmark [kernel=a,b]}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseSerialGC", "--add-modules=jdk.incubator.vector"})
public class GemmKernelBenchmark {

    static final int N = 1000, H = 32, G = 128;

    @Param({"k4", "k8", "rows2k8", "quad", "dgemm", "sgemm", "sfma", "sfmaScalar"})
    public String kernel;

    final LstmKernels quad = LstmKernels.best();
    double[][] h = new double[N][H];
    double[][] w = new double[H][G];
    double[] b = new double[G];
    double[][] out = new double[N][G];
    double[] hFlat = new double[N * H], wFlat = new double[H * G], outFlat = new double[N * G];
    float[] hF = new float[N * H], wF = new float[H * G], outF = new float[N * G];
    float[][] hRows = new float[N][H], outRows = new float[N][G];
    float[] bF = new float[G];
    final FloatKernels floatVector = FloatKernels.best();

    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        for (double[] r : h) for (int j = 0; j < H; j++) r[j] = rnd.nextGaussian();
        for (double[] r : w) for (int j = 0; j < G; j++) r[j] = rnd.nextGaussian() * 0.1;
        for (int j = 0; j < G; j++) b[j] = rnd.nextGaussian();
        for (int r = 0; r < N; r++) for (int k = 0; k < H; k++) hF[r * H + k] = (float) (hFlat[r * H + k] = h[r][k]);
        for (int k = 0; k < H; k++) for (int j = 0; j < G; j++) wF[k * G + j] = (float) (wFlat[k * G + j] = w[k][j]);
        for (int r = 0; r < N; r++) for (int k = 0; k < H; k++) hRows[r][k] = hF[r * H + k];
        for (int j = 0; j < G; j++) bF[j] = (float) b[j];
        if (kernel.endsWith("gemm")) openblas.blas_set_num_threads(1);
    }

    @Benchmark
    public Object run() {
        switch (kernel) {
            case "k4": for (int r = 0; r < N; r++) { System.arraycopy(b, 0, out[r], 0, G); k4(h[r], w, out[r], G); } return out;
            case "k8": for (int r = 0; r < N; r++) { System.arraycopy(b, 0, out[r], 0, G); k8(h[r], w, out[r], G); } return out;
            case "rows2k8":
                for (int r = 0; r < N; r += 2) {
                    System.arraycopy(b, 0, out[r], 0, G);
                    System.arraycopy(b, 0, out[r + 1], 0, G);
                    rows2k8(h[r], h[r + 1], w, out[r], out[r + 1], G);
                }
                return out;
            case "quad":
                for (int r = 0; r + 3 < N; r += 4) {
                    for (int q = 0; q < 4; q++) System.arraycopy(b, 0, out[r + q], 0, G);
                    quad.product4(h[r], h[r + 1], h[r + 2], h[r + 3], H, w, out[r], out[r + 1], out[r + 2], out[r + 3], G);
                }
                return out;
            case "dgemm":
                for (int r = 0; r < N; r++) System.arraycopy(b, 0, outFlat, r * G, G);
                openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, G, H,
                        1.0, hFlat, H, wFlat, G, 1.0, outFlat, G);
                return outFlat;
            case "sgemm":
                for (int r = 0; r < N; r++) for (int j = 0; j < G; j++) outF[r * G + j] = (float) b[j];
                openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, G, H,
                        1.0f, hF, H, wF, G, 1.0f, outF, G);
                return outF;
            case "sfma":
            case "sfmaScalar":
                for (int r = 0; r < N; r++) System.arraycopy(bF, 0, outRows[r], 0, G);
                (kernel.equals("sfma") ? floatVector : FloatKernels.SCALAR).product(hRows, N, H, wF, G, outRows);
                return outRows;
            default: throw new IllegalArgumentException(kernel);
        }
    }

    /** Production kernel today: one block of four products per pass. */
    static void k4(double[] v, double[][] w, double[] out, int n) {
        for (int k = 0; k < H; k += 4) {
            double s0 = v[k], s1 = v[k + 1], s2 = v[k + 2], s3 = v[k + 3];
            double[] r0 = w[k], r1 = w[k + 1], r2 = w[k + 2], r3 = w[k + 3];
            for (int j = 0; j < n; j++) out[j] += (s0 * r0[j] + s1 * r1[j]) + (s2 * r2[j] + s3 * r3[j]);
        }
    }

    static void k8(double[] v, double[][] w, double[] out, int n) {
        for (int k = 0; k < H; k += 8) {
            double s0 = v[k], s1 = v[k + 1], s2 = v[k + 2], s3 = v[k + 3], s4 = v[k + 4], s5 = v[k + 5], s6 = v[k + 6], s7 = v[k + 7];
            double[] r0 = w[k], r1 = w[k + 1], r2 = w[k + 2], r3 = w[k + 3], r4 = w[k + 4], r5 = w[k + 5], r6 = w[k + 6], r7 = w[k + 7];
            for (int j = 0; j < n; j++) {
                out[j] = (out[j] + ((s0 * r0[j] + s1 * r1[j]) + (s2 * r2[j] + s3 * r3[j])))
                        + ((s4 * r4[j] + s5 * r5[j]) + (s6 * r6[j] + s7 * r7[j]));
            }
        }
    }

    static void rows2k8(double[] v, double[] u, double[][] w, double[] out, double[] out2, int n) {
        for (int k = 0; k < H; k += 8) {
            double s0 = v[k], s1 = v[k + 1], s2 = v[k + 2], s3 = v[k + 3], s4 = v[k + 4], s5 = v[k + 5], s6 = v[k + 6], s7 = v[k + 7];
            double p0 = u[k], p1 = u[k + 1], p2 = u[k + 2], p3 = u[k + 3], p4 = u[k + 4], p5 = u[k + 5], p6 = u[k + 6], p7 = u[k + 7];
            double[] r0 = w[k], r1 = w[k + 1], r2 = w[k + 2], r3 = w[k + 3], r4 = w[k + 4], r5 = w[k + 5], r6 = w[k + 6], r7 = w[k + 7];
            for (int j = 0; j < n; j++) {
                double a0 = r0[j], a1 = r1[j], a2 = r2[j], a3 = r3[j], a4 = r4[j], a5 = r5[j], a6 = r6[j], a7 = r7[j];
                out[j] = (out[j] + ((s0 * a0 + s1 * a1) + (s2 * a2 + s3 * a3))) + ((s4 * a4 + s5 * a5) + (s6 * a6 + s7 * a7));
                out2[j] = (out2[j] + ((p0 * a0 + p1 * a1) + (p2 * a2 + p3 * a3))) + ((p4 * a4 + p5 * a5) + (p6 * a6 + p7 * a7));
            }
        }
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder().include(GemmKernelBenchmark.class.getSimpleName());
        for (String a : args) {
            if (a.contains("=")) o.param(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1).split(","));
        }
        new Runner(o.build()).run();
    }
}
