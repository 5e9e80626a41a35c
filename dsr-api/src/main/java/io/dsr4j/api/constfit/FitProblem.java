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
}
