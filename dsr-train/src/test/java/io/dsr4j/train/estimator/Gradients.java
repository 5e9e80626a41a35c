package io.dsr4j.train.estimator;

import io.dsr4j.api.policy.PolicyLoss;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finite-difference check of a PolicyLoss's analytic gradients. */
final class Gradients {

    private Gradients() { }

    static void assertMatchesFiniteDifferences(PolicyLoss loss, double[] neglogp, double[] entropy) {
        int n = neglogp.length;
        double[] gn = new double[n], ge = new double[n];
        loss.evaluate(neglogp.clone(), entropy.clone(), gn, ge);
        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            assertEquals(numeric(loss, neglogp, entropy, i, true, h), gn[i], 1e-6 * Math.max(1, Math.abs(gn[i])),
                    "d loss / d neglogp[" + i + "]");
            assertEquals(numeric(loss, neglogp, entropy, i, false, h), ge[i], 1e-6 * Math.max(1, Math.abs(ge[i])),
                    "d loss / d entropy[" + i + "]");
        }
    }

    private static double numeric(PolicyLoss loss, double[] neglogp, double[] entropy, int i, boolean wrtNeglogp,
                                  double h) {
        double[] a = neglogp.clone(), b = entropy.clone();
        double[] target = wrtNeglogp ? a : b;
        double x = target[i];
        int n = a.length;
        target[i] = x + h;
        double up = loss.evaluate(a, b, new double[n], new double[n]);
        target[i] = x - h;
        double down = loss.evaluate(a, b, new double[n], new double[n]);
        return (up - down) / (2 * h);
    }
}
