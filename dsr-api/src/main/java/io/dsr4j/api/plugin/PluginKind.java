package io.dsr4j.api.plugin;

import io.dsr4j.api.augment.BatchAugmenterFactory;
import io.dsr4j.api.constfit.ConstantOptimizerFactory;
import io.dsr4j.api.data.DatasetProvider;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.gp.GpOperatorFactory;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.reward.ComplexityMeasure;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.token.TokenFactory;

/** The kinds of plugin, each a map from the name used in YAML to a factory. */
public enum PluginKind {
    TOKEN("token", TokenFactory.class, "task.function_set entries"),
    PRIOR("prior", PriorFactory.class, "keys of the prior section"),
    REWARD("reward", RewardFactory.class, "task.metric"),
    GRADIENT_ESTIMATOR("gradient estimator", EstimatorFactory.class, "estimator.type"),
    POLICY("policy", PolicyFactory.class, "policy.type"),
    CONSTANT_OPTIMIZER("constant optimizer", ConstantOptimizerFactory.class, "training.const_optimizer.type"),
    DATASET("dataset", DatasetProvider.class, "task.dataset resolution"),
    BATCH_AUGMENTER("batch augmenter", BatchAugmenterFactory.class, "gp_meld.type"),
    GP_OPERATOR("gp operator", GpOperatorFactory.class, "gp_meld.crossover, gp_meld.mutations"),
    COMPLEXITY("complexity", ComplexityMeasure.class, "training.complexity");

    private final String label;
    private final Class<?> factoryType;
    private final String configKey;

    PluginKind(String label, Class<?> factoryType, String configKey) {
        this.label = label;
        this.factoryType = factoryType;
        this.configKey = configKey;
    }

    public String label() { return label; }

    public Class<?> factoryType() { return factoryType; }

    /** Where in the YAML these names are used. */
    public String configKey() { return configKey; }
}
