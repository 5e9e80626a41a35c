package io.dsr4j.api.prior;

import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.config.Params;

import java.util.Optional;

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
}
