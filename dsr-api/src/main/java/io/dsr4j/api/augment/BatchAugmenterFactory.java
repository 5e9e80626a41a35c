package io.dsr4j.api.augment;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Configurable;

/**
 * Builds a batch augmenter from its section's keys ({@code on} and {@code type} already consumed). Like every
 * plugin factory it declares the keys it reads ({@link #settings()}), which gives the section its defaults and lets
 * {@code ./dsr config} check it.
 */
public interface BatchAugmenterFactory extends Configurable {

    BatchAugmenter create(AugmenterContext context, Params params);
}
