package io.dsr4j.examples.sinc;

import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFactory;
import io.dsr4j.api.token.TokenFacts;
import io.dsr4j.api.token.TokenKind;

/** sinc(x) = sin(x)/x with sinc(0) = 1 (unnormalised, like SymPy's {@code sinc}). Defined everywhere. */
public final class SincToken implements Token {

    public static final String NAME = "sinc";

    /** Global minimum of sinc (at x = ±4.4934...), the lower end of its range. */
    static final double MIN_VALUE = -0.21723362821122166;

    /** Below this |x| the Taylor series is more accurate than sin(x)/x. */
    private static final double SMALL = 1e-4;

    private static final TokenFacts FACTS = TokenFacts.builder().range(MIN_VALUE, 1.0).build();

    /** Plugin kind "token". sinc has no protected variant: it never produces a non-finite value from a finite one. */
    public static final class Factory implements TokenFactory {
        @Override
        public Token create(boolean protectedMode) { return new SincToken(); }

        @Override
        public String description() { return "sin(x)/x, 1 at 0"; }
    }

    @Override
    public String name() { return NAME; }

    @Override
    public int arity() { return 1; }

    @Override
    public TokenKind kind() { return TokenKind.FUNCTION; }

    @Override
    public double complexity() { return 3; } // like sin and cos

    @Override
    public void apply(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Math.abs(x) < SMALL ? 1 - x * x / 6 : Math.sin(x) / x;
        }
    }

    /** Exact derivative (x cos x - sin x) / x^2, so constant fitting gets an exact Jacobian. */
    @Override
    public void partials(double[] a, double[] b, double[] da, double[] db, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            da[i] = Math.abs(x) < SMALL ? -x / 3 + x * x * x / 30 : (x * Math.cos(x) - Math.sin(x)) / (x * x);
        }
    }

    @Override
    public TokenFacts facts() { return FACTS; }

    @Override
    public String latex(String... args) { return "\\operatorname{sinc}\\left(" + args[0] + "\\right)"; }
}
