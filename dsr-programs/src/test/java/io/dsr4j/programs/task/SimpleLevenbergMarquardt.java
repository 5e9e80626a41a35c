package io.dsr4j.programs.task;

import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;

/** A minimal Levenberg–Marquardt for tests (the real optimizers live in the constfit package). */
final class SimpleLevenbergMarquardt implements ConstantOptimizer {

    @Override
    public double[] optimize(FitProblem p, double[] start) {
        int k = p.constantCount(), n = p.residualCount();
        double[] c = start.clone(), r = new double[n], rTry = new double[n];
        double[][] jac = new double[n][k];
        if (!p.evaluate(c, r, jac)) return c;
        double cost = dot(r, r), lambda = 1e-3;
        for (int it = 0; it < 200 && cost > 1e-30; it++) {
            double[][] a = new double[k][k];
            double[] g = new double[k];
            for (int i = 0; i < n; i++) {
                for (int u = 0; u < k; u++) {
                    g[u] += jac[i][u] * r[i];
                    for (int v = 0; v < k; v++) a[u][v] += jac[i][u] * jac[i][v];
                }
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double[][] m = new double[k][k + 1];
                for (int u = 0; u < k; u++) {
                    System.arraycopy(a[u], 0, m[u], 0, k);
                    m[u][u] += lambda * (1 + a[u][u]);
                    m[u][k] = -g[u];
                }
                double[] step = solve(m, k);
                double[] cTry = new double[k];
                for (int u = 0; u < k; u++) cTry[u] = c[u] + step[u];
                if (p.evaluate(cTry, rTry, null) && dot(rTry, rTry) < cost) {
                    c = cTry;
                    p.evaluate(c, r, jac);
                    cost = dot(r, r);
                    lambda = Math.max(lambda / 10, 1e-12);
                    improved = true;
                    break;
                }
                lambda *= 10;
            }
            if (!improved) break;
        }
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] solve(double[][] m, int k) {
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
            double[] t = m[col]; m[col] = m[piv]; m[piv] = t;
            for (int r = col + 1; r < k; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= k; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = m[r][k];
            for (int c = r + 1; c < k; c++) s -= m[r][c] * x[c];
            x[r] = s / m[r][r];
        }
        return x;
    }
}
