package io.dsr4j.programs.data;

/** The few NumPy numerics whose exact rounding the benchmark data depend on. */
final class NumpyMath {

    private NumpyMath() { }

    private static final int PAIRWISE_BLOCK = 128;

    /**
     * {@code numpy.sum} of a contiguous float64 array: NumPy's pairwise summation (8 interleaved accumulators in
     * blocks of up to 128, recursive halving above), bit-exact.
     */
    static double sum(double[] a) {
        return pairwise(a, 0, a.length);
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) res += a[from + i];
            return res;
        }
        if (n <= PAIRWISE_BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[from + i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }

    /** {@code numpy.mean(a ** 2)}. */
    static double meanOfSquares(double[] a) {
        double[] sq = new double[a.length];
        for (int i = 0; i < a.length; i++) sq[i] = a[i] * a[i];
        return sum(sq) / a.length;
    }

    /** {@code numpy.linspace(start, stop, num, endpoint=True)}: {@code i * step + start}, last value exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        int div = num - 1;
        if (div > 0) {
            double step = (stop - start) / div;
            for (int i = 0; i < num; i++) y[i] = i * step + start;
            y[num - 1] = stop;
        } else if (num == 1) {
            y[0] = start;
        }
        return y;
    }
}
