package io.dsr4j.api.reward;

import io.dsr4j.api.token.Library;

import java.util.Objects;

/**
 * The program a reward is computed for, so that a reward can depend on it (e.g. a complexity penalty). Its
 * traversal is the finished prefix traversal (token indices into {@link #library()}).
 */
public final class ProgramInfo {

    private static final double[] NONE = new double[0];

    private final int[] traversal;
    private final Library library;
    private final double[] constants;
    private final int polyTerms;

    public ProgramInfo(int[] traversal, Library library) {
        this(traversal, library, null, -1);
    }

    /**
     * @param constants the program's fitted constants (a fitted {@code poly}'s coefficients), or null if unknown
     * @param polyTerms the number of terms of the program's fitted {@code poly}, or -1 (none, or not fitted): it is
     *                  then that token's complexity, as DSO counts a fitted polynomial
     */
    public ProgramInfo(int[] traversal, Library library, double[] constants, int polyTerms) {
        this.traversal = traversal.clone();
        this.library = Objects.requireNonNull(library);
        this.constants = constants == null ? NONE : constants.clone();
        this.polyTerms = polyTerms;
    }

    /** Token indices in prefix order (a copy). */
    public int[] traversal() { return traversal.clone(); }

    /** Number of tokens. */
    public int length() { return traversal.length; }

    /** Token at position {@code i}. */
    public int token(int i) { return traversal[i]; }

    public Library library() { return library; }

    /** The fitted constants (a copy; empty when none or unknown). */
    public double[] constants() { return constants.clone(); }

    /**
     * Sum of the tokens' {@code complexity()}, a fitted {@code poly} counting its terms (the Pareto front's
     * {@code token} complexity).
     */
    public double complexity() {
        double c = 0;
        int poly = library.polyToken();
        for (int t : traversal) c += polyTerms >= 0 && t == poly ? polyTerms : library.token(t).complexity();
        return c;
    }
}
