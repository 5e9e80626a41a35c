package io.dsr4j.programs.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact readings of numbers for symbolic comparison. */
public final class Rationals {

    private Rationals() { }

    /**
     * The simplest fraction p/q (smallest q) within {@code relTol·|v|} of {@code v}, by continued fractions; null when
     * none with q ≤ 10⁹ exists or {@code v} is not finite. Relative, so a small constant (1e-8) never becomes 0.
     */
    public static long[] simplest(double v, double relTol) {
        if (!Double.isFinite(v)) return null;
        if (v == 0) return new long[] {0, 1};
        double tol = relTol * Math.abs(v);
        // convergents h/k of the continued fraction of v
        long h0 = 1, h1 = (long) Math.floor(v), k0 = 0, k1 = 1;
        double frac = v - Math.floor(v);
        for (int i = 0; i < 64; i++) {
            if (Math.abs(v - (double) h1 / k1) <= tol) return new long[] {h1, k1};
            if (frac == 0) break;
            double inv = 1 / frac;
            long a = (long) Math.floor(inv);
            frac = inv - a;
            long h2 = a * h1 + h0, k2 = a * k1 + k0;
            if (k2 > 1_000_000_000L || k2 <= 0 || Math.abs(h2) > Long.MAX_VALUE / 4) return null;
            h0 = h1; h1 = h2; k0 = k1; k1 = k2;
        }
        return Math.abs(v - (double) h1 / k1) <= tol ? new long[] {h1, k1} : null;
    }

    /** A decimal as written ({@code "3.39"}, {@code "1e-3"}) as an exact fraction {numerator, denominator}. */
    public static BigInteger[] exact(String decimal) {
        BigDecimal d = new BigDecimal(decimal.trim());
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (scale <= 0) return new BigInteger[] {unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE};
        BigInteger den = BigInteger.TEN.pow(scale);
        BigInteger g = unscaled.gcd(den);
        return new BigInteger[] {unscaled.divide(g), den.divide(g)};
    }
}
