package io.dsr4j.api.policy;

import io.dsr4j.api.util.ChunkRunner;

/**
 * What a policy factory gets besides its own YAML keys.
 *
 * @param environment sampling environment (library, priors, max length)
 * @param seed        seed of the policy's RNG streams (weights init and sampling)
 * @param threads     threads the policy may use ({@code training.n_threads}); results must not depend on it
 * @param optimizer   optimiser settings
 * @param runner      the run's worker threads ({@code threads} of them, shared with the trainer's scoring; the
 *                    policy must not close it), or null: a policy that wants threads then starts its own
 */
public record PolicyContext(SamplingEnvironment environment, long seed, int threads, OptimizerSpec optimizer,
                            ChunkRunner runner) {

    public PolicyContext {
        if (runner != null && runner.threads() != Math.max(1, threads)) {
            throw new IllegalArgumentException("runner has " + runner.threads() + " threads, context says " + threads);
        }
    }

    /** Without shared worker threads. */
    public PolicyContext(SamplingEnvironment environment, long seed, int threads, OptimizerSpec optimizer) {
        this(environment, seed, threads, optimizer, null);
    }
}
