package io.dsr4j.api.prior;

import java.util.OptionalInt;

/**
 * A hard constraint (adds -inf to forbidden tokens) or a soft prior (adds finite log-probabilities), applied in
 * situ to the policy's logits at every sampling step. Implementations are stateless with respect to the
 * sequences: everything they need is in {@link TreeView}.
 */
public interface Prior {

    /** Name used in messages and in the constraints report (usually the YAML key). */
    String name();

    /** True for hard constraints (only -inf / 0 adjustments). */
    boolean isHard();

    /** Adds this prior's adjustment for position 0 into {@code adjust} (length = library size). */
    void initial(double[] adjust);

    /**
     * Adds this prior's adjustment for the next position of every unfinished row into {@code adjust}
     * (row-major, batch × library). Rows with {@code view.finished(row)} must be left untouched.
     */
    void step(TreeView view, double[] adjust);

    /** A length constraint's maximum overrides the policy's max length. */
    default OptionalInt maxLength() { return OptionalInt.empty(); }

    /** A length constraint's minimum (for reporting). */
    default OptionalInt minLength() { return OptionalInt.empty(); }
}
