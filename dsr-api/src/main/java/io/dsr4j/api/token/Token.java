package io.dsr4j.api.token;

/**
 * One entry of the token library: an input variable, a constant, the {@code const} placeholder, or an
 * element-wise function of arity 1 or 2. Functions operate on whole columns so that the evaluator pays one
 * virtual call per instruction, never per data row.
 */
public interface Token {

    String name();

    int arity();

    TokenKind kind();

    /** Complexity used for the Pareto front (reference "token" complexity). */
    double complexity();

    /** For {@link TokenKind#INPUT}: the 0-based column of X. */
    default int inputIndex() { return -1; }

    /** For {@link TokenKind#CONSTANT}: its value. */
    default double value() { return Double.NaN; }

    /**
     * Element-wise application for arity 1 ({@code b == null}) or 2. Writes {@code n} values to {@code out};
     * {@code out} may alias {@code a} or {@code b}. Non-finite results are allowed (they mark the program invalid).
     */
    default void apply(double[] a, double[] b, double[] out, int n) {
        throw new UnsupportedOperationException(name() + " is a terminal");
    }

    /**
     * Partial derivatives, used for exact Jacobians in constant fitting: writes d f/d a to {@code da} and (binary)
     * d f/d b to {@code db}. The default uses central finite differences so that plugin tokens work unchanged.
     */
    default void partials(double[] a, double[] b, double[] da, double[] db, int n) {
        double[] x = new double[1];
        double[] y = new double[1];
        double[] o1 = new double[1];
        double[] o2 = new double[1];
        for (int i = 0; i < n; i++) {
            double av = a[i];
            double bv = b == null ? 0 : b[i];
            double ha = 1e-6 * Math.max(1.0, Math.abs(av));
            x[0] = av + ha; y[0] = bv; apply(x, b == null ? null : y, o1, 1);
            x[0] = av - ha; y[0] = bv; apply(x, b == null ? null : y, o2, 1);
            da[i] = (o1[0] - o2[0]) / (2 * ha);
            if (b != null) {
                double hb = 1e-6 * Math.max(1.0, Math.abs(bv));
                x[0] = av; y[0] = bv + hb; apply(x, y, o1, 1);
                y[0] = bv - hb; apply(x, y, o2, 1);
                db[i] = (o1[0] - o2[0]) / (2 * hb);
            }
        }
    }

    /** Facts that priors and printing use. */
    default TokenFacts facts() { return TokenFacts.NONE; }

    /** Infix rendering given already-rendered argument strings (parenthesisation is done by the printer). */
    default String infix(String... args) { return defaultCall(name(), args); }

    /** LaTeX rendering. */
    default String latex(String... args) { return defaultCall("\\operatorname{" + name() + "}", args); }

    /** SymPy-parsable rendering. */
    default String sympy(String... args) { return defaultCall(name(), args); }

    static String defaultCall(String fn, String... args) {
        if (args.length == 0) return fn;
        return fn + "(" + String.join(", ", args) + ")";
    }
}
