package io.dsr4j.api.policy;

/**
 * What a policy factory gets besides its own YAML keys.
 *
 * @param environment sampling environment (library, priors, max length)
 * @param seed        seed of the policy's RNG streams (weights init and sampling)
 * @param threads     threads the policy may use ({@code training.n_threads}); results must not depend on it
 * @param optimizer   optimiser settings
 */
public record PolicyContext(SamplingEnvironment environment, long seed, int threads, OptimizerSpec optimizer) { }
