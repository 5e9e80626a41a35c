package io.dsr4j.programs.gp;

import io.dsr4j.api.augment.AugmenterContext;
import io.dsr4j.api.augment.BatchAugmenter;
import io.dsr4j.api.augment.BatchAugmenterFactory;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.gp.GpOperatorContext;

import java.util.List;

/** Builds {@link GpMeld} from the {@code gp_meld} section; operators are resolved through the registry by name. */
public final class GpMeldFactory implements BatchAugmenterFactory {

    @Override
    public BatchAugmenter create(AugmenterContext context, Params params) {
        GpMeldSettings s = GpMeldSettings.read(params);
        GpOperatorContext oc = new GpOperatorContext(context.environment().library(), s.maxTreeHeight());
        GpOperator crossover = GpOperators.resolve(context.gpOperators(), s.crossover(), 2, oc, params, "crossover");
        List<GpOperator> mutations = GpOperators.mutations(context.gpOperators(), s.mutations(), oc, params, "mutations");
        GpEngine engine = new GpEngine(context.environment(), s.gp(), crossover, mutations);
        return new GpMeld(context.environment(), s, engine, context.seed());
    }

    @Override
    public io.dsr4j.api.settings.Settings settings() { return GpMeldSettings.SETTINGS; }

    @Override
    public String description() {
        return "GP-meld (NGGPPS): an inner GP run seeded by each batch appends its train_n best programs to the batch";
    }
}
