package io.dsr4j.programs.token;

/** Harmonic numbers as the reference computes them (see {@link Kernels#harmonic}). */
final class Harmonic {

    private Harmonic() { }

    private static final int TABLE = 1024;
    /** H_0..H_TABLE summed left to right in double, like the reference's Python sum. */
    private static final double[] EXACT = new double[TABLE + 1];

    static {
        double s = 0;
        for (int d = 1; d <= TABLE; d++) {
            s += 1.0 / d;
            EXACT[d] = s;
        }
    }

    /**
     * H_n for an integral {@code x}, rounded to float32 like the reference (which builds a float32 array); 0 for
     * n &lt;= 0 (empty sum). Beyond the table the asymptotic series, whose error there (&lt; 1e-20) is far below the
     * float32 rounding, stands in for the reference's O(n) summation.
     */
    static double exactFloat32(double x) {
        if (x <= 0) return 0.0;
        double h = x <= TABLE ? EXACT[(int) x] : asymptotic(x);
        return (float) h;
    }

    static double asymptotic(double x) {
        double x2 = x * x;
        return Kernels.EULER_GAMMA + Math.log(x) + 0.5 / x - 1.0 / (12.0 * x2) + 1.0 / (120.0 * x2 * x2);
    }

    static double derivative(double x) {
        double x2 = x * x;
        return 1.0 / x - 0.5 / x2 + 1.0 / (6.0 * x2 * x) - 1.0 / (30.0 * x2 * x2 * x);
    }
}
