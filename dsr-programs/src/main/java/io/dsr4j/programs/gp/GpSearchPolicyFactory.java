package io.dsr4j.programs.gp;

import com.google.inject.Inject;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.gp.GpOperatorContext;
import io.dsr4j.api.gp.GpOperatorFactory;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyFactory;

import java.util.List;
import java.util.Map;

/**
 * Policy {@code gp}: the standalone GP search. Its operators are resolved by name among every registered
 * "gp operator" plugin (the registry's map, injected by Guice).
 */
public final class GpSearchPolicyFactory implements PolicyFactory {

    private Map<String, GpOperatorFactory> operators = GpOperators.factories();

    @Inject
    void setOperators(Map<String, GpOperatorFactory> registered) {
        this.operators = registered;
    }

    @Override
    public Policy create(PolicyContext context, Params params) {
        GpSearchSettings s = GpSearchSettings.read(params);
        GpOperatorContext oc = new GpOperatorContext(context.environment().library(), s.maxTreeHeight());
        GpOperator crossover = GpOperators.resolve(operators, s.crossover(), 2, oc, params, "crossover");
        List<GpOperator> mutations = GpOperators.mutations(operators, s.mutations(), oc, params, "mutations");
        GpEngine engine = new GpEngine(context.environment(), s.gp(), crossover, mutations);
        return new GpSearchPolicy(context.environment(), engine, context.seed());
    }

    @Override
    public String requiredEstimator() { return "gp"; }

    @Override
    public io.dsr4j.api.settings.Settings settings() { return GpSearchSettings.SETTINGS; }

    @Override
    public String description() {
        return "standalone genetic programming (no neural policy): population = training.batch_size; use with estimator gp";
    }
}
