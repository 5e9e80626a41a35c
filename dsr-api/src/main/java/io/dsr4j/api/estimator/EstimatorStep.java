package io.dsr4j.api.estimator;

/**
 * What an update did, for the per-iteration log.
 *
 * @param baseline   baseline used (NaN if none)
 * @param quantile   risk-seeking quantile R_ε (NaN if not used)
 * @param trained    number of samples the gradient was computed on
 * @param loss       loss value
 * @param keptRows   indices (into the sampled batch) of the samples kept by the filter, for statistics (null: none
 *                   reported); copied in and out
 */
public record EstimatorStep(double baseline, double quantile, int trained, double loss, int[] keptRows) {

    public EstimatorStep {
        keptRows = keptRows == null ? null : keptRows.clone();
    }

    /** The kept rows (a copy), or null. */
    @Override
    public int[] keptRows() { return keptRows == null ? null : keptRows.clone(); }
}
