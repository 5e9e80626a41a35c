package io.dsr4j.programs.symbolic;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RationalsTest {

    @Test
    void simplestFractionWithinTolerance() {
        assertArrayEquals(new long[] {339, 100}, Rationals.simplest(3.3900000004, 1e-6));
        assertArrayEquals(new long[] {1, 3}, Rationals.simplest(0.33333333, 1e-6));
        assertArrayEquals(new long[] {-3, 2}, Rationals.simplest(-1.5, 1e-6));
        assertArrayEquals(new long[] {2, 1}, Rationals.simplest(2.0, 1e-6));
        assertArrayEquals(new long[] {1, 100_000_000}, Rationals.simplest(1e-8, 1e-6), "small constants stay nonzero");
        assertNull(Rationals.simplest(Double.NaN, 1e-6));
    }

    @Test
    void decimalsAreReadExactly() {
        assertArrayEquals(new BigInteger[] {BigInteger.valueOf(339), BigInteger.valueOf(100)}, Rationals.exact("3.39"));
        assertArrayEquals(new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(1000)}, Rationals.exact("1e-3"));
        assertArrayEquals(new BigInteger[] {BigInteger.valueOf(1200), BigInteger.ONE}, Rationals.exact("1.2e3"));
    }
}
