package io.dsr4j.programs.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected values were printed by NumPy 2.4.6 ({@code numpy.random.RandomState}). */
class NumpyRandomStateTest {

    @Test
    void rawOutputsMatchInitGenrand() {
        NumpyRandomState r = new NumpyRandomState(0);
        assertEquals(2357136044L, Integer.toUnsignedLong(r.nextInt32()));
        assertEquals(2546248239L, Integer.toUnsignedLong(r.nextInt32()));
        assertEquals(3071714933L, Integer.toUnsignedLong(r.nextInt32()));
    }

    @Test
    void randomSampleBitExact() {
        NumpyRandomState r = new NumpyRandomState(12345);
        assertArrayEquals(new double[] {0.9296160928171479, 0.3163755545817859, 0.18391881167709445},
                new double[] {r.randomSample(), r.randomSample(), r.randomSample()});
    }

    @Test
    void uniformAtTheLargestSeed() {
        NumpyRandomState r = new NumpyRandomState(4294967295L);
        assertArrayEquals(new double[] {-2.023679710059862, 6.123828453026219, 4.890353018516399}, r.uniform(-3, 7, 3));
    }

    @Test
    void legacyNormalUsesTheCachedSecondValue() {
        NumpyRandomState r = new NumpyRandomState(0);
        double[] expected = {4.028104691935328, 1.3003144167344467, 2.4574759682114786, 4.981786398402916, 4.235115980299935};
        double[] got = r.normal(0.5, 2.0, 5);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], "value " + i);
        }
    }

    @Test
    void stateCarriesOverBetweenCalls() {
        NumpyRandomState a = new NumpyRandomState(7);
        NumpyRandomState b = new NumpyRandomState(7);
        double[] together = a.normal(0, 1, 3);
        double[] split = {b.normal(0, 1, 1)[0], b.normal(0, 1, 2)[0], 0};
        split[2] = b.gauss();
        assertEquals(together[0], split[0]);
        assertEquals(together[1], split[1]);
        // the third value of the split sequence is the 4th draw, not the 3rd
        assertEquals(a.gauss(), split[2]);
    }

    @Test
    void adler32OfTheName() {
        assertEquals(231539413L, NumpyRandomState.adler32("Nguyen-1"));
        assertEquals(359072688L, NumpyRandomState.adler32("Constant-8"));
    }

    @Test
    void rejectsSeedsNumpyRejects() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
    }
}
