package io.dsr4j.api.policy;

import io.dsr4j.api.token.Library;

/** The in-situ sampling environment of a task (library + priors + max length), implemented by dsr-programs. */
public interface SamplingEnvironment {

    Library library();

    /** Maximum sequence length in force (the length prior's max overrides the policy's). */
    int maxLength();

    /** Starts a batch of {@code n} empty sequences. Not thread-safe: one episode per thread. */
    Episode start(int n);

    /**
     * For each complete traversal: true when the sampler could not have produced it, i.e. some token had prior -inf
     * at its position (a hard constraint forbade it) or it is longer than {@link #maxLength()} (reference
     * {@code JointPrior.is_violated}, used by genetic programming to reject children).
     */
    default boolean[] violations(int[][] traversals) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot check constraints of whole traversals");
    }
}
