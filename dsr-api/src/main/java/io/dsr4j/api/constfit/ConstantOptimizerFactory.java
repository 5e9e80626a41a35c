package io.dsr4j.api.constfit;

import io.dsr4j.api.config.Params;

/** Plugin kind "constant optimizer": {@code training.const_optimizer: {type: NAME, ...}}. */
public interface ConstantOptimizerFactory {

    ConstantOptimizer create(Params params);

    default String description() { return ""; }
}
