package io.dsr4j.api.estimator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuantilesTest {

    private static final double[] VALUES = {0.3, -1.2, 0.7, 0.7, 2.5, 0.0, 0.7, 1.1};

    /** Expected values from numpy 2.4: np.quantile(VALUES, q, method="higher"). */
    @ParameterizedTest
    @CsvSource({"0, -1.2", "0.1, 0.0", "0.25, 0.3", "0.5, 0.7", "0.6, 0.7", "0.75, 1.1", "0.9, 2.5", "0.95, 2.5",
            "1.0, 2.5"})
    void matchesNumpyHigher(double q, double expected) {
        assertEquals(expected, Quantiles.higher(VALUES, q));
    }

    @Test
    void oneMinusEpsilonIsComputedInDoubleLikeTheReference() {
        // numpy: np.quantile(np.arange(11.0), 1 - 0.7, method="higher") == 4.0 because (1 - 0.7) * 10 > 3 in double
        double[] v = new double[11];
        for (int i = 0; i < v.length; i++) v[i] = 10 - i;
        assertEquals(4.0, Quantiles.higher(v, 1 - 0.7));
        assertEquals(0.7, Quantiles.higher(VALUES, 1 - 0.7)); // numpy: 0.7 (index 3)
    }

    @Test
    void thousandSamplesEpsilonFiveHundredthsIsIndex950() {
        assertEquals(950, Quantiles.higherIndex(1000, 1 - 0.05));
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = ((i * 379) % 1000) / 1000.0; // a permutation of i/1000
        assertEquals(0.95, Quantiles.higher(v, 1 - 0.05));
    }

    @Test
    void doesNotModifyItsInput() {
        double[] v = VALUES.clone();
        Quantiles.higher(v, 0.5);
        assertArrayEquals(VALUES, v);
    }

    @Test
    void nanCountsAsMinusInfinity() {
        double[] v = {Double.NaN, 3, 1, 2};
        // sorted as [-inf, 1, 2, 3]; ceil(0.5 * 3) = 2
        assertEquals(2.0, Quantiles.higher(v, 0.5));
        assertEquals(Double.NEGATIVE_INFINITY, Quantiles.higher(v, 0.0));
        double[] allNan = new double[5];
        Arrays.fill(allNan, Double.NaN);
        assertEquals(Double.NEGATIVE_INFINITY, Quantiles.higher(allNan, 0.95));
    }

    @Test
    void singleValue() {
        assertEquals(7.0, Quantiles.higher(new double[] {7}, 0.95));
    }

    @Test
    void rejectsEmptyInputAndBadLevels() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.higher(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.higher(VALUES, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.higher(VALUES, Double.NaN));
    }
}
