package io.dsr4j.policy.lstm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastActivationsTest {

    @Test
    void tanhIsAccurateEverywhere() {
        double maxErr = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            double x = i * 1e-5 * 1.3;
            double t = FastActivations.tanh(x);
            maxErr = Math.max(maxErr, Math.abs(t - Math.tanh(x)));
            assertTrue(Math.abs(t) <= 1.0);
            assertEquals(-t, FastActivations.tanh(-x));
        }
        assertTrue(maxErr <= 5e-9, "max error " + maxErr);
        assertEquals(1.0, FastActivations.tanh(1e300), 5e-9);
        assertEquals(-1.0, FastActivations.tanh(Double.NEGATIVE_INFINITY), 5e-9);
        assertEquals(0.0, FastActivations.tanh(0.0));
        assertTrue(Double.isNaN(FastActivations.tanh(Double.NaN)));
    }

    @Test
    void sigmoidIsAccurate() {
        double maxErr = 0;
        for (int i = -300_000; i <= 300_000; i++) {
            double x = i * 1e-4;
            maxErr = Math.max(maxErr, Math.abs(FastActivations.sigmoid(x) - 1 / (1 + Math.exp(-x))));
        }
        assertTrue(maxErr <= 2.5e-9, "max error " + maxErr);
        assertEquals(0.5, FastActivations.sigmoid(0.0));
    }

    @Test
    void arrayVersionsMatchScalarOnes() {
        double[] a = new double[101], b = new double[101];
        for (int i = 0; i < a.length; i++) a[i] = b[i] = (i - 50) * 0.37;
        FastActivations.tanh(a, 3, 90);
        FastActivations.sigmoid(b, 5, 80);
        for (int i = 0; i < a.length; i++) {
            double x = (i - 50) * 0.37;
            assertEquals(i >= 3 && i < 93 ? FastActivations.tanh(x) : x, a[i]);
            assertEquals(i >= 5 && i < 85 ? FastActivations.sigmoid(x) : x, b[i]);
        }
    }
}
