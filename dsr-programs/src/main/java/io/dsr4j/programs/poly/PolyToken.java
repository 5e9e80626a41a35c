package io.dsr4j.programs.poly;

import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFactory;
import io.dsr4j.api.token.TokenKind;

/**
 * uDSR's LINEAR token {@code poly} (reference §9.2): a terminal standing for a polynomial in all input variables,
 * of total degree at most {@code task.poly_optimizer_params.degree} (default {@link #DEGREE}), whose coefficients are fitted by linear least squares when the program
 * is scored. A program's fitted coefficients are stored where {@code const} values are (one per monomial of
 * {@link Monomials}, zeros for dropped terms), so the cache, printing, complexity and test evaluation use the fit.
 */
public final class PolyToken implements Token {

    public static final String NAME = "poly";
    /** Default total degree of the polynomial (DSO's {@code poly_optimizer_params.degree} default). */
    public static final int DEGREE = 3;
    /** Default: coefficients smaller than this in magnitude are dropped (DSO's {@code coef_tol} default). */
    public static final double COEF_TOL = 1e-6;

    public static final PolyToken INSTANCE = new PolyToken();

    private PolyToken() { }

    @Override public String name() { return NAME; }

    @Override public int arity() { return 0; }

    @Override public TokenKind kind() { return TokenKind.FITTED; }

    /** Unfitted: 1; a fitted polynomial's complexity is its number of terms ({@link Monomials#complexity}). */
    @Override public double complexity() { return 1; }

    @Override public String toString() { return NAME; }

    /** The token plugin. */
    public static TokenFactory factory() { return new Factory(); }

    private static final class Factory implements TokenFactory {
        @Override public Token create(boolean protectedMode) { return INSTANCE; }

        @Override public String description() {
            return "uDSR's LINEAR token: a polynomial in the inputs (degree task.poly_optimizer_params.degree, default 3), fitted by least squares (at most one per program, no const)";
        }
    }
}
