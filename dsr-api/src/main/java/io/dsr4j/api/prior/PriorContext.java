package io.dsr4j.api.prior;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;

/**
 * What a prior factory may use: the library, the training data (domain/range prior), and the max length in
 * force (from the length prior if it is on, else the policy's).
 */
public record PriorContext(Library library, Dataset dataset, int maxLength) { }
