package io.dsr4j.train.run;

import io.dsr4j.programs.data.QuotedCsv;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.Verdict;

/**
 * The outcome of one seed: one row of {@code summary.csv}.
 *
 * @param expression      the best expression as found (raw infix)
 * @param simplified      its simplified forms (raw forms and the reason when not simplified)
 * @param symbolicSuccess whether it is symbolically the benchmark's expression ({@link Verdict#UNKNOWN}: no known
 *                        expression, or undecided)
 */
public record RunResult(long seed, String benchmark, boolean success, long iterations, long nSamples,
                        double seconds, double rBest, double nmseTest, double nmseTestNoiseless,
                        String expression, String traversal, double complexity, Simplified simplified,
                        Verdict symbolicSuccess) {

    public static final String HEADER =
            "seed,benchmark,success,iterations,n_samples,seconds,r_best,nmse_test,nmse_test_noiseless,expression,traversal,complexity,"
                    + "symbolic_success,simplified,simplified_latex,simplified_sympy,simplify_status";

    public RunResult {
        if (simplified == null) simplified = Simplified.raw(new Simplified.RawForms(expression, "", ""), Simplified.Status.OFF);
        if (symbolicSuccess == null) symbolicSuccess = Verdict.UNKNOWN;
    }

    /** Without simplification (raw forms, symbolic success unknown). */
    public RunResult(long seed, String benchmark, boolean success, long iterations, long nSamples, double seconds,
                     double rBest, double nmseTest, double nmseTestNoiseless, String expression, String traversal,
                     double complexity) {
        this(seed, benchmark, success, iterations, nSamples, seconds, rBest, nmseTest, nmseTestNoiseless, expression,
                traversal, complexity, null, null);
    }

    public String csv() {
        return QuotedCsv.row(seed, benchmark, success, iterations, nSamples, String.format(java.util.Locale.ROOT, "%.3f", seconds),
                rBest, nmseTest, nmseTestNoiseless, expression, traversal, complexity, symbolicSuccess.cell(),
                simplified.infix(), simplified.latex(), simplified.sympy(), simplified.status().yamlName());
    }
}
