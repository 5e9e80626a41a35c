package io.dsr4j.programs.token;

/** Number rendering for printed expressions: shortest strings that parse back to the same double. */
public final class NumberFormat {

    private NumberFormat() { }

    /** Round-trip exact decimal ({@link Double#toString}); Python and SymPy read its {@code E} exponent too. */
    public static String plain(double v) {
        return Double.toString(v);
    }

    /** Like {@link #plain} with the exponent written as {@code \cdot 10^{k}}. */
    public static String latex(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        return s.substring(0, e) + " \\cdot 10^{" + s.substring(e + 1) + "}";
    }
}
