package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.PriorFactory;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A built-in prior's factory: a description, its declared settings, the prior class's {@code fromConfig} and,
 * for a prior that sets the run's max length, how it reads it (null for the others).
 */
public record BuiltinPriorFactory(String description, Settings settings, Body body, MaxLength maxLength)
        implements PriorFactory {

    /** The config-reading constructor of one built-in prior. */
    @FunctionalInterface
    public interface Body {
        Optional<Prior> create(PriorContext context, Params params);
    }

    /** Reads the max length a prior sets from its keys. */
    @FunctionalInterface
    public interface MaxLength {
        OptionalInt read(Params params);
    }

    /** A prior that does not set the max length. */
    public BuiltinPriorFactory(String description, Settings settings, Body body) {
        this(description, settings, body, null);
    }

    @Override
    public Optional<Prior> create(PriorContext context, Params params) {
        return body.create(context, params);
    }

    @Override
    public OptionalInt setsMaxLength(Params params) {
        return maxLength == null ? OptionalInt.empty() : maxLength.read(params);
    }
}
