package io.dsr4j.api.augment;

import io.dsr4j.api.config.Params;

/** Builds a batch augmenter from its section's keys ({@code on} and {@code type} already consumed). */
public interface BatchAugmenterFactory {

    BatchAugmenter create(AugmenterContext context, Params params);

    default String description() { return ""; }
}
