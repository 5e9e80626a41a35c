package io.dsr4j.api.prior;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;

/**
 * What a prior factory may use: the library, the training data (domain/range prior), and the max length in
 * force (the smallest {@link PriorFactory#setsMaxLength} of the enabled priors, e.g. the length prior's
 * {@code max_}, else {@code policy.max_length}).
 */
public record PriorContext(Library library, Dataset dataset, int maxLength) { }
