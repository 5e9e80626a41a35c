package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.FitProblem;

/** A hand-written FitProblem: residuals f(c, x_i) − y_i of a one-input model with its analytic gradient. */
final class CurveProblem implements FitProblem {

    interface Model {
        /** f(c, x); writes df/dc_j into grad (if not null); returns NaN where the model is undefined */
        double value(double[] c, double x, double[] grad);
    }

    private final Model model;
    private final double[] x;
    private final double[] y;
    private final int k;

    CurveProblem(int k, double[] x, double[] y, Model model) {
        this.k = k;
        this.x = x;
        this.y = y;
        this.model = model;
    }

    /** Data from the model itself at {@code truth}. */
    static CurveProblem exact(int k, double[] x, double[] truth, Model model) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = model.value(truth, x[i], null);
        return new CurveProblem(k, x, y, model);
    }

    static double[] grid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = from + (to - from) * i / (n - 1);
        return g;
    }

    @Override
    public int constantCount() { return k; }

    @Override
    public int residualCount() { return x.length; }

    @Override
    public boolean evaluate(double[] c, double[] residuals, double[][] jacobian) {
        for (int i = 0; i < x.length; i++) {
            double v = model.value(c, x[i], jacobian == null ? null : jacobian[i]);
            if (!Double.isFinite(v)) return false;
            residuals[i] = v - y[i];
        }
        return true;
    }

    double sse(double[] c) {
        double[] r = new double[x.length];
        if (!evaluate(c, r, null)) return Double.NaN;
        double s = 0;
        for (double v : r) s += v * v;
        return s;
    }
}
