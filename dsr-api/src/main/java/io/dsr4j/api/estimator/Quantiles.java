package io.dsr4j.api.estimator;

import java.util.Arrays;

/** Empirical quantiles with the reference's exact conventions. */
public final class Quantiles {

    private Quantiles() { }

    /**
     * {@code np.quantile(values, q, interpolation="higher")}: with {@code v} the values sorted ascending, returns
     * {@code v[ceil(q·(N−1))]}, computed in double precision exactly as numpy does (so e.g. q = 1 − 0.7 with N = 11
     * gives index 4, not 3). NaN is treated as −∞ (numpy would return NaN and the reference's filter would then keep
     * nothing); a NaN value therefore never raises the quantile.
     *
     * @throws IllegalArgumentException if {@code values} is empty or q is outside [0, 1]
     */
    public static double higher(double[] values, double q) {
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("quantile of an empty array");
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile level " + q + " is not in [0, 1]");
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = orderKey(values[i]);
        Arrays.sort(v);
        int index = higherIndex(n, q);
        return v[index];
    }

    /** Index into the ascending sort used by {@link #higher}: {@code ceil(q·(N−1))}, clamped to [0, N−1]. */
    public static int higherIndex(int n, double q) {
        int index = (int) Math.ceil(q * (n - 1));
        return Math.max(0, Math.min(n - 1, index));
    }

    /** The value used for ordering: NaN counts as −∞. */
    public static double orderKey(double value) {
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
    }
}
