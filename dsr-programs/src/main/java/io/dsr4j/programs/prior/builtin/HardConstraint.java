package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.prior.Prior;

/** Base of the hard constraints: adjustments are 0 or -inf, nothing at position 0 unless overridden. */
abstract class HardConstraint implements Prior {

    static final double FORBIDDEN = Double.NEGATIVE_INFINITY;

    private final String name;

    HardConstraint(String name) {
        this.name = name;
    }

    @Override public final String name() { return name; }

    @Override public final boolean isHard() { return true; }

    @Override public void initial(double[] adjust) { }

    /** Forbids {@code tokens} in the row starting at {@code offset}. Assignment equals adding -inf (no +inf exists). */
    static void forbid(double[] adjust, int offset, int[] tokens) {
        for (int t : tokens) adjust[offset + t] = FORBIDDEN;
    }

    @Override
    public String toString() { return describe(); }

    /** One line for logs and the constraints report. */
    public abstract String describe();
}
