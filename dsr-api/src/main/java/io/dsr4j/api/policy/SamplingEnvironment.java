package io.dsr4j.api.policy;

import io.dsr4j.api.token.Library;

/** The in-situ sampling environment of a task (library + priors + max length), implemented by dsr-programs. */
public interface SamplingEnvironment {

    Library library();

    /** Maximum sequence length in force (the length prior's max overrides the policy's). */
    int maxLength();

    /** Starts a batch of {@code n} empty sequences. Not thread-safe: one episode per thread. */
    Episode start(int n);
}
