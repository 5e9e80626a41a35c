package io.dsr4j.programs.data;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;

/**
 * Bit-exact port of NumPy's legacy {@code numpy.random.RandomState} for the draws benchmark generation needs:
 * MT19937 seeded from an integer exactly like {@code RandomState(int)} ({@code _legacy_seeding} →
 * {@code mt19937_seed}, i.e. Matsumoto–Nishimura's {@code init_genrand}), 53-bit doubles
 * ({@code random_sample}), {@code uniform} and the legacy polar-method {@code normal} with its cached second value.
 * Not thread-safe; one instance per generated dataset.
 */
public final class NumpyRandomState {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] key = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** Like {@code numpy.random.RandomState(seed)}; NumPy accepts 0 ≤ seed ≤ 2³²−1. */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            key[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** {@code zlib.adler32(name.encode("utf-8"))}, which the reference adds to the data seed. */
    public static long adler32(String name) {
        Adler32 a = new Adler32();
        a.update(name.getBytes(StandardCharsets.UTF_8));
        return a.getValue();
    }

    private void generate() {
        int i = 0;
        int y;
        for (; i < N - M; i++) {
            y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; i < N - 1; i++) {
            y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
        key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    /** The next tempered 32-bit output, as an unsigned value in an int. */
    public int nextInt32() {
        if (pos == N) generate();
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code random_sample()}: (a·2²⁶ + b) / 2⁵³ from two 32-bit outputs (27 and 26 high bits). */
    public double randomSample() {
        long a = (nextInt32() >>> 5) & 0xffffffffL;
        long b = (nextInt32() >>> 6) & 0xffffffffL;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code uniform(low, high, n)}: NumPy computes {@code low + (high - low) * random_sample()}. */
    public double[] uniform(double low, double high, int n) {
        double range = high - low;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = low + range * randomSample();
        return out;
    }

    /** NumPy's {@code legacy_gauss}: Marsaglia's polar method, returning the second value of each pair on the next call. */
    public double gauss() {
        if (hasGauss) {
            hasGauss = false;
            double g = gauss;
            gauss = 0.0;
            return g;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // StrictMath: fdlibm log/sqrt, reproducible on every JVM (NumPy uses the C library's).
        double f = StrictMath.sqrt(-2.0 * StrictMath.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code normal(loc, scale, n)}: {@code loc + scale * gauss()} per value. */
    public double[] normal(double loc, double scale, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = loc + scale * gauss();
        return out;
    }
}
