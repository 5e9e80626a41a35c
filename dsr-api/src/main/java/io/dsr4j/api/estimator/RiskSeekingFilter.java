package io.dsr4j.api.estimator;

/**
 * The risk-seeking filter (§6.1 step 6): keeps every sample whose reward is at least the (1 − ε) "higher" empirical
 * quantile R_ε of the batch. Ties with R_ε are all kept, so more than εN samples may survive. NaN rewards count
 * as −∞: they are kept only when R_ε itself is −∞ (i.e. when at least a (1 − ε) share of the batch is NaN/−∞).
 */
public final class RiskSeekingFilter {

    private RiskSeekingFilter() { }

    /**
     * @param rows     indices of the kept samples, ascending (batch order)
     * @param quantile R_ε (−∞ if the quantile falls on a NaN or −∞ reward)
     */
    public record Kept(int[] rows, double quantile) {
        public Kept {
            rows = rows.clone();
        }

        /** The kept rows (a copy). */
        @Override
        public int[] rows() { return rows.clone(); }

        /** The {@code i}-th kept row. */
        public int row(int i) { return rows[i]; }

        public int size() { return rows.length; }
    }

    /**
     * @param epsilon top fraction in (0, 1]; ε = 1 gives R_ε = min and keeps everything (the reference instead
     *                skips the filter and then crashes with the R_e baseline, which needs R_ε)
     */
    public static Kept apply(double[] rewards, double epsilon) {
        if (!(epsilon > 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon " + epsilon + " not in (0, 1]");
        double quantile = Quantiles.higher(rewards, 1.0 - epsilon);
        int count = 0;
        for (double r : rewards) if (Quantiles.orderKey(r) >= quantile) count++;
        int[] rows = new int[count];
        int k = 0;
        for (int i = 0; i < rewards.length; i++) if (Quantiles.orderKey(rewards[i]) >= quantile) rows[k++] = i;
        return new Kept(rows, quantile);
    }
}
