package io.dsr4j.programs.task;

/**
 * Result of a program on the test data (reference {@code evaluate}).
 *
 * @param nmseTest          MSE / var on the (possibly noisy) test targets; NaN when invalid
 * @param nmseTestNoiseless MSE / var on the noiseless test targets; NaN when invalid
 * @param success           {@code nmseTestNoiseless < threshold} (numeric recovery, never symbolic)
 */
public record TestResult(double nmseTest, double nmseTestNoiseless, boolean success) {

    /** True when the program was invalid on the test inputs. */
    public boolean invalid() { return Double.isNaN(nmseTestNoiseless); }
}
