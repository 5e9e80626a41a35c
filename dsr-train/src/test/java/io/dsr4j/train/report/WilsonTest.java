package io.dsr4j.train.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WilsonTest {

    private static void assertInterval(int k, int n, double lo, double hi) {
        Wilson w = Wilson.interval95(k, n);
        assertEquals(lo, w.lo(), 5e-5, k + "/" + n + " lo");
        assertEquals(hi, w.hi(), 5e-5, k + "/" + n + " hi");
    }

    @Test
    void knownValues() {
        assertInterval(0, 10, 0.0, 0.2775);
        assertInterval(5, 10, 0.2366, 0.7634);
        assertInterval(10, 10, 0.7225, 1.0);
        assertInterval(1, 10, 0.0179, 0.4042);
        assertInterval(83, 100, 0.7445, 0.8911);
        assertInterval(100, 100, 0.9630, 1.0);
    }

    @Test
    void symmetricAndNested() {
        for (int n = 1; n <= 30; n++) {
            for (int k = 0; k <= n; k++) {
                Wilson w = Wilson.interval95(k, n);
                Wilson m = Wilson.interval95(n - k, n);
                assertEquals(w.lo(), 1 - m.hi(), 1e-12);
                double p = (double) k / n;
                assertTrue(w.lo() <= p && p <= w.hi());
                assertTrue(w.lo() >= 0 && w.hi() <= 1);
            }
        }
        // a wider confidence level gives a wider interval
        Wilson w95 = Wilson.interval95(3, 10);
        Wilson w99 = Wilson.interval(3, 10, 2.5758);
        assertTrue(w99.lo() < w95.lo() && w99.hi() > w95.hi());
    }

    @Test
    void emptyAndInvalid() {
        assertTrue(Double.isNaN(Wilson.interval95(0, 0).lo()));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval95(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval95(-1, 2));
    }
}
