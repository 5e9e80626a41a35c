package io.dsr4j.api.prior;

import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.config.Params;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Plugin kind "prior": builds a prior from its YAML section ({@code prior: {NAME: {on: true, ...}}}). The key
 * {@code on} is consumed by the framework; every other key must be read through {@link Params} (unread keys are
 * reported as unknown).
 */
public interface PriorFactory extends Configurable {

    /**
     * @return the prior, or empty when it constrains nothing for this library (the reference drops such priors
     * with a warning, e.g. {@code trig} without trig tokens)
     */
    Optional<Prior> create(PriorContext context, Params params);

    /**
     * The max expression length this prior sets for the run in place of {@code policy.max_length}, or empty (the
     * default) when it sets none; the built-in {@code length} prior returns its {@code max_}. Every enabled prior
     * is asked before any is created, so that each factory's {@link PriorContext#maxLength()} is the length in
     * force: the smallest value returned here (which may be above {@code policy.max_length}), else
     * {@code policy.max_length}. A built prior's {@link Prior#maxLength()} can then only lower it further.
     *
     * @throws io.dsr4j.api.config.ConfigException when the value is invalid (as {@code create} would)
     */
    default OptionalInt setsMaxLength(Params params) { return OptionalInt.empty(); }
}
