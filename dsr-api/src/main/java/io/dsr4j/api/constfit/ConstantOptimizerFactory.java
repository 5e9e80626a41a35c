package io.dsr4j.api.constfit;

import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.config.Params;

/** Plugin kind "constant optimizer": {@code training.const_optimizer: {type: NAME, ...}}. */
public interface ConstantOptimizerFactory extends Configurable {

    ConstantOptimizer create(Params params);
}
