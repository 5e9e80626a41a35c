package io.dsr4j.api.policy;

import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.config.Params;

/** Plugin kind "policy": {@code policy: {type: NAME, ...}}; every key but {@code type} is the policy's. */
public interface PolicyFactory extends Configurable {

    Policy create(PolicyContext context, Params params);

    /**
     * The only {@code estimator.type} that can train this policy (e.g. policy {@code gp} has no gradient: estimator
     * {@code gp} breeds it), or null for any estimator. A configuration pairing it with another estimator is
     * rejected before any work.
     */
    default String requiredEstimator() { return null; }
}
