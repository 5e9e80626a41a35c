/**
 * Plugin kind "policy": samples prefix traversals under the priors ({@link io.dsr4j.api.policy.SamplingEnvironment})
 * and trains on a {@link io.dsr4j.api.policy.PolicyLoss} given by the estimator.
 */
package io.dsr4j.api.policy;
