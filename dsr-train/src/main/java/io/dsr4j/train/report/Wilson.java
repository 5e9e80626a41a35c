package io.dsr4j.train.report;

/** The Wilson score interval for a binomial proportion (better than the normal approximation near 0 and 1). */
public record Wilson(double lo, double hi) {

    /** Two-sided 95 %: the 0.975 quantile of the standard normal distribution. */
    public static final double Z95 = 1.959963984540054;

    /** The 95 % interval for {@code k} successes out of {@code n} trials; [NaN, NaN] when n is 0. */
    public static Wilson interval95(int k, int n) {
        return interval(k, n, Z95);
    }

    public static Wilson interval(int k, int n, double z) {
        if (k < 0 || n < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        if (n == 0) return new Wilson(Double.NaN, Double.NaN);
        double p = (double) k / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        // Clamp rounding noise: at k = 0 (k = n) the bound is exactly 0 (1).
        return new Wilson(k == 0 ? 0.0 : Math.max(0, center - half), k == n ? 1.0 : Math.min(1, center + half));
    }
}
