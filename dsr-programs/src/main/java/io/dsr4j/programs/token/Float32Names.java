package io.dsr4j.programs.token;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * NumPy's {@code str(np.float32(v))}: the shortest decimal that reads back as the same float32, written
 * positionally for 1e-4 &lt;= |v| &lt; 1e16 (and 0) with at least one fractional digit ({@code "1.0"},
 * {@code "3.1415927"}, {@code "123456790.0"}), otherwise in scientific notation with a signed, at least two-digit
 * exponent ({@code "1e-05"}, {@code "1e-04"} (float32 0.0001 is just below 1e-4), {@code "1.5e+16"}). The reference
 * names hard-coded constants this way. The 1e16 cutoff is that of NumPy 1.14-1.19, which the reference pins;
 * NumPy 2 switches to scientific notation for float32 from 1e6 on.
 */
public final class Float32Names {

    private Float32Names() { }

    public static String format(double value) {
        float f = (float) value;
        if (Float.isNaN(f)) return "nan";
        if (Float.isInfinite(f)) return f > 0 ? "inf" : "-inf";
        if (f == 0) return (1 / f < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = shortest(f);
        double abs = Math.abs(f);
        if (abs >= 1e-4 && abs < 1e16) {
            String s = shortest.toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        digits = stripTrailingZeros(digits);
        StringBuilder sb = new StringBuilder();
        if (f < 0) sb.append('-');
        sb.append(digits.charAt(0));
        if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int ae = Math.abs(exponent);
        if (ae < 10) sb.append('0');
        sb.append(ae);
        return sb.toString();
    }

    /** The decimal with the fewest significant digits that rounds to {@code f}, nearest to it on ties. */
    private static BigDecimal shortest(float f) {
        BigDecimal exact = new BigDecimal(f);
        for (int p = 1; p < 10; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(r.toString()) == f) return r.stripTrailingZeros();
        }
        return exact.round(new MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        return digits.substring(0, end);
    }
}
