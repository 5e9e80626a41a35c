package io.dsr4j.api.policy;

import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.config.Params;

/** Plugin kind "policy": {@code policy: {type: NAME, ...}}; every key but {@code type} is the policy's. */
public interface PolicyFactory extends Configurable {

    Policy create(PolicyContext context, Params params);
}
