package io.dsr4j.programs.reward;

/** Small numeric helpers shared by the metrics and the regression task. */
public final class Stats {

    private Stats() { }

    public static double mean(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += v[i];
        return s / n;
    }

    /** Population variance (divides by n, like numpy's var), two-pass. */
    public static double variance(double[] v, int n) {
        double m = mean(v, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] - m;
            s += d * d;
        }
        return s / n;
    }

    /** Mean squared error of the first n values. */
    public static double mse(double[] y, double[] yHat, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - yHat[i];
            s += d * d;
        }
        return s / n;
    }

    /** Weighted mean {@code Σ w v / Σ w}. */
    public static double mean(double[] v, double[] w) {
        double s = 0, sw = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * v[i];
            sw += w[i];
        }
        return s / sw;
    }

    /** Weighted population variance {@code Σ w (v - m)² / Σ w}, m the weighted mean, two-pass. */
    public static double variance(double[] v, double[] w) {
        double m = mean(v, w);
        double s = 0, sw = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - m;
            s += w[i] * d * d;
            sw += w[i];
        }
        return s / sw;
    }

    /** Weighted mean squared error {@code Σ w (y - ŷ)² / Σ w}. */
    public static double mse(double[] y, double[] yHat, double[] w) {
        double s = 0, sw = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - yHat[i];
            s += w[i] * d * d;
            sw += w[i];
        }
        return s / sw;
    }

    /** Pearson correlation of the first n values; NaN when either side is constant. */
    public static double pearson(double[] a, double[] b, int n) {
        double ma = mean(a, n), mb = mean(b, n);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        double r = sab / Math.sqrt(saa * sbb);
        // like scipy, clip rounding excursions beyond [-1, 1]
        return r > 1 ? 1 : r < -1 ? -1 : r;
    }

    /** Ranks 1..n with ties given their average rank (scipy's rankdata "average"). Allocates. */
    public static double[] ranks(double[] v, int n) {
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) sorted[i] = v[i] + 0.0; // -0.0 and 0.0 tie
        java.util.Arrays.sort(sorted);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double x = v[i] + 0.0;
            int first = lowerBound(sorted, x);
            int last = lowerBound(sorted, Math.nextUp(x)) - 1;
            r[i] = (first + last) / 2.0 + 1;
        }
        return r;
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
