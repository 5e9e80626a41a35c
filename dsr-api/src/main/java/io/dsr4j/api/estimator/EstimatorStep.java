package io.dsr4j.api.estimator;

/**
 * What an update did, for the per-iteration log.
 *
 * @param baseline   baseline used (NaN if none)
 * @param quantile   risk-seeking quantile R_ε (NaN if not used)
 * @param trained    number of samples the gradient was computed on
 * @param loss       loss value
 * @param keptRows   indices (into the sampled batch) of the samples kept by the filter, for statistics
 */
public record EstimatorStep(double baseline, double quantile, int trained, double loss, int[] keptRows) { }
