package io.dsr4j.api.constfit;

/** Least-squares problem over a program's {@code const} values: residuals r_i(c) = yhat_i(c) - y_i. */
public interface FitProblem {

    int constantCount();

    int residualCount();

    /**
     * Computes residuals and, if {@code jacobian != null}, d r_i / d c_j into {@code jacobian[i][j]}.
     *
     * @return false when the program is invalid at {@code c} (non-finite values)
     */
    boolean evaluate(double[] c, double[] residuals, double[][] jacobian);

    /**
     * As {@link #evaluate}, with the Jacobian column by column: d r_i / d c_j into {@code columns[j][i]}. Optimizers
     * that work on columns call this; a problem that computes its Jacobian a constant at a time overrides it to skip
     * the transposition. The default evaluates by rows into a new array and copies.
     *
     * @param columns k arrays of at least {@link #residualCount()} values
     */
    default boolean evaluateColumns(double[] c, double[] residuals, double[][] columns) {
        int n = residualCount(), k = constantCount();
        double[][] rows = new double[n][k];
        if (!evaluate(c, residuals, rows)) return false;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) columns[j][i] = rows[i][j];
        }
        return true;
    }
}
