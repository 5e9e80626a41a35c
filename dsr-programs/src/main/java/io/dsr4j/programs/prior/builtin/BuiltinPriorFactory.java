package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.PriorFactory;

import java.util.Optional;

/** A built-in prior's factory: a description, its declared settings and the prior class's {@code fromConfig}. */
public record BuiltinPriorFactory(String description, Settings settings, Body body) implements PriorFactory {

    /** The config-reading constructor of one built-in prior. */
    @FunctionalInterface
    public interface Body {
        Optional<Prior> create(PriorContext context, Params params);
    }

    @Override
    public Optional<Prior> create(PriorContext context, Params params) {
        return body.create(context, params);
    }
}
