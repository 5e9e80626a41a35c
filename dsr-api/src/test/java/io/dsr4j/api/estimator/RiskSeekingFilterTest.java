package io.dsr4j.api.estimator;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RiskSeekingFilterTest {

    @Test
    void keepsAllTiesWithTheQuantile() {
        RiskSeekingFilter.Kept k = RiskSeekingFilter.apply(new double[] {0.5, 0.1, 0.9, 0.5, 0.5}, 0.5);
        assertEquals(0.5, k.quantile());
        assertArrayEquals(new int[] {0, 2, 3, 4}, k.rows());
    }

    @Test
    void numpyTableKeptCounts() {
        double[] v = {0.3, -1.2, 0.7, 0.7, 2.5, 0.0, 0.7, 1.1};
        // numpy: (v >= np.quantile(v, 1 - eps, method="higher")).sum()
        assertEquals(5, RiskSeekingFilter.apply(v, 0.5).size());
        assertEquals(2, RiskSeekingFilter.apply(v, 0.25).size());
        assertEquals(1, RiskSeekingFilter.apply(v, 0.05).size());
        assertEquals(5, RiskSeekingFilter.apply(v, 0.7).size());
    }

    @Test
    void thousandDistinctRewardsKeepFifty() {
        double[] r = new double[1000];
        for (int i = 0; i < r.length; i++) r[i] = ((i * 379) % 1000) / 1000.0;
        RiskSeekingFilter.Kept k = RiskSeekingFilter.apply(r, 0.05);
        assertEquals(0.95, k.quantile());
        assertEquals(50, k.size());
        for (int row : k.rows()) assertEquals(true, r[row] >= 0.95);
    }

    @Test
    void tiesAtTheQuantileCanKeepMoreThanEpsilonN() {
        double[] r = new double[1000];
        for (int i = 0; i < r.length; i++) r[i] = i < 900 ? i / 1000.0 : 0.95; // 100 rows tie at 0.95
        RiskSeekingFilter.Kept k = RiskSeekingFilter.apply(r, 0.05);
        assertEquals(0.95, k.quantile());
        assertArrayEquals(IntStream.range(900, 1000).toArray(), k.rows());
    }

    @Test
    void epsilonOneKeepsEverythingWithTheMinimumAsQuantile() {
        RiskSeekingFilter.Kept k = RiskSeekingFilter.apply(new double[] {3, 1, 2}, 1.0);
        assertEquals(1.0, k.quantile());
        assertArrayEquals(new int[] {0, 1, 2}, k.rows());
    }

    @Test
    void nanRewardsAreNeverKeptUnlessTheQuantileIsMinusInfinity() {
        double[] r = {Double.NaN, 0.2, 0.8, Double.NaN, 0.5};
        // sorted as [-inf, -inf, 0.2, 0.5, 0.8]; index ceil(0.5 * 4) = 2
        RiskSeekingFilter.Kept k = RiskSeekingFilter.apply(r, 0.5);
        assertEquals(0.2, k.quantile());
        assertArrayEquals(new int[] {1, 2, 4}, k.rows());
        assertArrayEquals(new int[] {2}, RiskSeekingFilter.apply(r, 0.2).rows());
        RiskSeekingFilter.Kept all = RiskSeekingFilter.apply(r, 1.0);
        assertEquals(Double.NEGATIVE_INFINITY, all.quantile());
        assertEquals(5, all.size());
    }

    @Test
    void rejectsEpsilonOutsideZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> RiskSeekingFilter.apply(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> RiskSeekingFilter.apply(new double[] {1}, 1.01));
    }
}
