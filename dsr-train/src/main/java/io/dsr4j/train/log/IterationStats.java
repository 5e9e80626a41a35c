package io.dsr4j.train.log;

/**
 * One row of the per-iteration CSV: the reference's statistics (§6.9) plus throughput. "_full" = the whole batch,
 * "_sub" = the subset the estimator kept; {@code baseline} is the estimator's baseline and {@code quantile} the
 * risk-seeking quantile R_ε it filtered with (empty when it used none). New columns go at the end.
 */
public record IterationStats(long iteration, double rBest, double rMax, double rAvgFull, double rAvgSub,
                             double lAvgFull, double lAvgSub, int nUniqueFull, int nUniqueSub,
                             int nNovelFull, int nNovelSub, double aEntFull, double aEntSub,
                             double invalidAvgFull, double invalidAvgSub, double baseline, double seconds,
                             long nevals, double evalsPerSecond, double quantile) {

    public static final String HEADER = "iteration,r_best,r_max,r_avg_full,r_avg_sub,l_avg_full,l_avg_sub,"
            + "n_unique_full,n_unique_sub,n_novel_full,n_novel_sub,a_ent_full,a_ent_sub,invalid_avg_full,"
            + "invalid_avg_sub,baseline,time,nevals,evals_per_s,quantile";

    public String csv() {
        return iteration + "," + d(rBest) + "," + d(rMax) + "," + d(rAvgFull) + "," + d(rAvgSub) + ","
                + d(lAvgFull) + "," + d(lAvgSub) + "," + nUniqueFull + "," + nUniqueSub + "," + nNovelFull + ","
                + nNovelSub + "," + d(aEntFull) + "," + d(aEntSub) + "," + d(invalidAvgFull) + ","
                + d(invalidAvgSub) + "," + d(baseline) + "," + d(seconds) + "," + nevals + "," + d(evalsPerSecond)
                + "," + d(quantile);
    }

    private static String d(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
