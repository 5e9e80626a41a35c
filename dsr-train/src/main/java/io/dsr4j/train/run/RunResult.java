package io.dsr4j.train.run;

import io.dsr4j.programs.data.QuotedCsv;

/**
 * The outcome of one seed: one row of {@code summary.csv}.
 */
public record RunResult(long seed, String benchmark, boolean success, long iterations, long nSamples,
                        double seconds, double rBest, double nmseTest, double nmseTestNoiseless,
                        String expression, String traversal, double complexity) {

    public static final String HEADER =
            "seed,benchmark,success,iterations,n_samples,seconds,r_best,nmse_test,nmse_test_noiseless,expression,traversal,complexity";

    public String csv() {
        return QuotedCsv.row(seed, benchmark, success, iterations, nSamples, String.format(java.util.Locale.ROOT, "%.3f", seconds),
                rBest, nmseTest, nmseTestNoiseless, expression, traversal, complexity);
    }
}
