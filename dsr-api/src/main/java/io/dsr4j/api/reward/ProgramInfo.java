package io.dsr4j.api.reward;

import io.dsr4j.api.token.Library;

import java.util.Objects;

/**
 * The program a reward is computed for, so that a reward can depend on it (e.g. a complexity penalty). Its
 * traversal is the finished prefix traversal (token indices into {@link #library()}).
 */
public final class ProgramInfo {

    private final int[] traversal;
    private final Library library;

    public ProgramInfo(int[] traversal, Library library) {
        this.traversal = traversal.clone();
        this.library = Objects.requireNonNull(library);
    }

    /** Token indices in prefix order (a copy). */
    public int[] traversal() { return traversal.clone(); }

    /** Number of tokens. */
    public int length() { return traversal.length; }

    /** Token at position {@code i}. */
    public int token(int i) { return traversal[i]; }

    public Library library() { return library; }

    /** Sum of the tokens' {@code complexity()} (the Pareto front's {@code token} complexity). */
    public double complexity() {
        double c = 0;
        for (int t : traversal) c += library.token(t).complexity();
        return c;
    }
}
