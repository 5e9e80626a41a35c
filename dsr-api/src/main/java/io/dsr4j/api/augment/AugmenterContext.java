package io.dsr4j.api.augment;

import io.dsr4j.api.gp.GpOperatorFactory;
import io.dsr4j.api.policy.SamplingEnvironment;

import java.util.Map;

/**
 * What a batch augmenter is built with.
 *
 * @param environment the task's library, priors and max length (constraint checks, observations, priors)
 * @param gpOperators the registered GP operators by name
 * @param seed        seed of the augmenter's randomness
 */
public record AugmenterContext(SamplingEnvironment environment, Map<String, GpOperatorFactory> gpOperators, long seed) { }
