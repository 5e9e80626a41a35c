package io.dsr4j.programs.token;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Float32NamesTest {

    /**
     * Expected strings checked with NumPy; values of 1e6 and more follow NumPy 1.14-1.19 (the reference pins
     * numpy &lt;= 1.19), which switches to scientific notation at 1e16 for every float type (NumPy 2 does at 1e6).
     */
    @ParameterizedTest
    @CsvSource({
            "1, 1.0", "3.141592653589793, 3.1415927", "2.718281828459045, 2.7182817", "0.1, 0.1", "25, 25.0",
            "1.23, 1.23", "-1.0, -1.0", "0, 0.0", "1e-5, 1e-05", "2.5e-7, 2.5e-07", "0.0001, 1e-04", "0.00011, 0.00011",
            "123456789, 123456790.0", "1e10, 10000000000.0", "1e16, 1e+16", "1.5e20, 1.5e+20", "-0.5, -0.5",
            "0.3, 0.3", "16777217, 16777216.0"})
    void formatsLikeNumpyStrOfFloat32(double value, String expected) {
        assertEquals(expected, Float32Names.format(value));
    }
}
