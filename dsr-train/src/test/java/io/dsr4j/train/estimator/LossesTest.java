package io.dsr4j.train.estimator;

import io.dsr4j.api.estimator.LinearPolicyLoss;
import io.dsr4j.api.util.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LossesTest {

    @Test
    void policyGradientLossValueAndGradients() {
        double[] adv = {0.5, -0.25, 0.0, 1.5};
        double[] nlp = {2.0, 3.0, 1.0, 4.5};
        double[] ent = {0.7, 0.1, 0.3, 0.9};
        LinearPolicyLoss loss = LinearPolicyLoss.policyGradient(adv, 0.03, 0.7);
        double[] gn = new double[4], ge = new double[4];
        double v = loss.evaluate(nlp, ent, gn, ge);
        double expected = (0.5 * 2.0 - 0.25 * 3.0 + 0 + 1.5 * 4.5) / 4 - 0.03 * (0.7 + 0.1 + 0.3 + 0.9) / 4;
        assertEquals(expected, v, 1e-15);
        assertEquals(0.7, loss.entropyGamma());
        for (int i = 0; i < 4; i++) {
            assertEquals(adv[i] / 4, gn[i], 1e-15);
            assertEquals(-0.03 / 4, ge[i], 1e-15);
        }
        Gradients.assertMatchesFiniteDifferences(loss, nlp, ent);
    }

    @Test
    void zeroCoefficientTermsIgnoreInfiniteValues() {
        LinearPolicyLoss loss = new LinearPolicyLoss(new double[] {0, 1}, new double[] {-0.5, 0}, 1.0);
        double v = loss.evaluate(new double[] {Double.POSITIVE_INFINITY, 2}, new double[] {1, Double.NaN},
                new double[2], new double[2]);
        assertEquals(2 - 0.5, v);
    }

    @Test
    void lossRejectsWrongSizes() {
        LinearPolicyLoss loss = LinearPolicyLoss.policyGradient(new double[3], 0.1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> loss.evaluate(new double[2], new double[2], new double[2], new double[2]));
    }

    /**
     * One sample per branch of min(ρA, clip(ρ)A), c = 0.2: ratios 1.5 / 0.5 (outside the range) and 1.1 (inside),
     * with A of both signs. neglogp = old − ln ρ.
     */
    @Test
    void clippedSurrogateBranches() {
        double c = 0.2, w = 0.05;
        double[] a = {2.0, 2.0, -1.0, -1.0, 0.7, -0.7};
        double[] ratio = {1.5, 0.5, 0.5, 1.5, 1.1, 1.1};
        double[] old = {3.0, 2.0, 4.0, 1.0, 2.5, 2.5};
        double[] nlp = new double[6];
        for (int i = 0; i < 6; i++) nlp[i] = old[i] - Math.log(ratio[i]);
        double[] ent = {0.2, 0.4, 0.6, 0.8, 1.0, 1.2};
        ClippedSurrogateLoss loss = new ClippedSurrogateLoss(a, old, c, w, 0.7);
        double[] gn = new double[6], ge = new double[6];
        double v = loss.evaluate(nlp, ent, gn, ge);

        // A>0, ρ>1+c: clipped (1.2·2) is smaller → constant, zero gradient
        assertEquals(0.0, gn[0]);
        // A>0, ρ<1−c: ρA = 1.0 < 0.8·2 → unclipped, gradient ρA/m
        assertEquals(0.5 * 2.0 / 6, gn[1], 1e-12);
        // A<0, ρ<1−c: ρA = −0.5 > 0.8·(−1) → clipped, zero gradient
        assertEquals(0.0, gn[2]);
        // A<0, ρ>1+c: ρA = −1.5 < 1.2·(−1) → unclipped, gradient ρA/m
        assertEquals(1.5 * -1.0 / 6, gn[3], 1e-12);
        // inside the range: unclipped either sign
        assertEquals(1.1 * 0.7 / 6, gn[4], 1e-12);
        assertEquals(1.1 * -0.7 / 6, gn[5], 1e-12);
        for (int i = 0; i < 6; i++) assertEquals(-w / 6, ge[i], 1e-15);

        double surrogate = 1.2 * 2.0 + 0.5 * 2.0 + 0.8 * -1.0 + 1.5 * -1.0 + 1.1 * 0.7 + 1.1 * -0.7;
        double entropyMean = (0.2 + 0.4 + 0.6 + 0.8 + 1.0 + 1.2) / 6;
        assertEquals(-surrogate / 6 - w * entropyMean, v, 1e-12);

        Gradients.assertMatchesFiniteDifferences(loss, nlp, ent);
    }

    @Test
    void clippedSurrogateFiniteDifferencesOnRandomPoints() {
        Rng rng = new Rng(7);
        for (int trial = 0; trial < 50; trial++) {
            int m = 1 + rng.nextInt(8);
            double[] a = new double[m], old = new double[m], nlp = new double[m], ent = new double[m];
            for (int i = 0; i < m; i++) {
                a[i] = rng.nextGaussian();
                old[i] = 1 + 3 * rng.nextDouble();
                double logRatio = 0.8 * rng.nextGaussian();
                // stay away from the kinks at ρ = 1 ± c, where the derivative is undefined
                double ratio = Math.exp(logRatio);
                if (Math.abs(ratio - 1.2) < 1e-3 || Math.abs(ratio - 0.8) < 1e-3) logRatio += 0.01;
                nlp[i] = old[i] - logRatio;
                ent[i] = rng.nextDouble();
            }
            Gradients.assertMatchesFiniteDifferences(new ClippedSurrogateLoss(a, old, 0.2, 0.03, 1), nlp, ent);
        }
    }

    @Test
    void clippedSurrogateEqualsReferenceFormWhenAdvantagesAreNonNegative() {
        double c = 0.2;
        double[] ratios = {0.3, 0.9, 1.0, 1.15, 2.0};
        for (double ratio : ratios) {
            for (double adv : new double[] {0.0, 0.4, 3.0}) {
                double ours = -new ClippedSurrogateLoss(new double[] {adv}, new double[] {1.0}, c, 0, 1)
                        .evaluate(new double[] {1.0 - Math.log(ratio)}, new double[] {0}, new double[1], new double[1]);
                double reference = adv * Math.min(ratio, Math.max(1 - c, Math.min(1 + c, ratio)));
                assertEquals(reference, ours, 1e-12);
            }
        }
        // ...and differs for a negative advantage with a small ratio
        double ours = -new ClippedSurrogateLoss(new double[] {-1}, new double[] {1.0}, c, 0, 1)
                .evaluate(new double[] {1.0 - Math.log(0.5)}, new double[] {0}, new double[1], new double[1]);
        assertNotEquals(-1 * Math.min(0.5, 0.8), ours, 1e-9);
    }

    @Test
    void ratioOneGivesThePolicyGradient() {
        double[] a = {0.3, -0.2, 1.0};
        double[] nlp = {2, 3, 4};
        double[] gn = new double[3], ge = new double[3];
        new ClippedSurrogateLoss(a, nlp.clone(), 0.2, 0.0, 1).evaluate(nlp, new double[3], gn, ge);
        for (int i = 0; i < 3; i++) assertEquals(a[i] / 3, gn[i], 1e-15);
    }
}
