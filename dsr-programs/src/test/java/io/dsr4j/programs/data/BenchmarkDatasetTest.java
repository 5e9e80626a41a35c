package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class BenchmarkDatasetTest {

    static Stream<String> shippedBenchmarks() {
        return Stream.concat(IntStream.rangeClosed(1, 12).mapToObj(i -> "Nguyen-" + i),
                IntStream.rangeClosed(1, 8).mapToObj(i -> "Constant-" + i));
    }

    /** X must be bit-identical; y identical or within 1e-15 relative (libm vs fdlibm in the last bit). */
    @ParameterizedTest
    @MethodSource("shippedBenchmarks")
    void identicalToTheShippedFiles(String name) {
        Dataset d = BenchmarkDataset.generate(name);
        assertSame(name + ".csv", ShippedData.rows(name + ".csv"), d.xTrain(), d.yTrain());
        assertSame(name + "_test.csv", ShippedData.rows(name + "_test.csv"), d.xTest(), d.yTest());
        assertArrayEquals(d.yTest(), d.yTestNoiseless());
    }

    static void assertSame(String file, double[][] rows, double[][] x, double[] y) {
        assertEquals(rows.length, y.length, file + ": rows");
        assertEquals(rows[0].length - 1, x.length, file + ": variables");
        for (int i = 0; i < rows.length; i++) {
            for (int v = 0; v < x.length; v++) {
                if (Double.compare(rows[i][v], x[v][i]) != 0) fail(file + " row " + (i + 1) + " x" + (v + 1) + ": " + x[v][i]);
            }
            double expected = rows[i][x.length];
            if (!(Math.abs(expected - y[i]) <= 1e-15 * Math.abs(expected))) {
                fail(file + " row " + (i + 1) + " y: expected " + expected + " got " + y[i]);
            }
        }
    }

    @Test
    void carriesTheBenchmarksFunctionSetAndExpression() {
        Dataset d = BenchmarkDataset.generate("Constant-1");
        assertEquals("Constant-1", d.name());
        assertEquals(List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log", "const"), d.functionSet());
        assertEquals("3.39*pow(x1,3)+2.12*pow(x1,2)+1.78*x1", d.targetExpression());
    }

    /**
     * Noise and the 10x data study, against values printed by the reference's generation code under NumPy 2.4.6
     * (which also reproduces the reference's shipped Nguyen-10_n0.01_d10 files).
     */
    @Test
    void noiseAndDataFactorFollowTheReference() {
        Dataset d = BenchmarkDataset.generate(BenchmarkRegistry.get().get("Nguyen-10"), 0, 0.01, 10);
        assertEquals(200, d.trainSize());
        assertEquals(200, d.testSize()); // no test spec: the scaled training spec again
        assertEquals(0.0228132421457784, d.xTrain()[0][0]);
        assertEquals(0.025873148768461668, d.yTrain()[0], 1e-17);
        assertEquals(0.9635090872141263, d.yTrain()[1], 1e-16);
        assertEquals(0.5389232629104689, d.xTest()[0][0]);
        assertEquals(0.8506821862415154, d.yTest()[0], 1e-16);
        Dataset clean = BenchmarkDataset.generate(BenchmarkRegistry.get().get("Nguyen-10"), 0, 0.0, 10);
        assertArrayEquals(clean.yTest(), d.yTestNoiseless());
        assertNotEquals(clean.yTest()[0], d.yTest()[0]);
    }

    @Test
    void invalidPointsAreRedrawnAndPrepended() {
        // Nguyen-7 is log(x+1)+log(x^2+1) on U[0,2): always valid; Livermore-4 adds log(x1), still valid on (0,2);
        // Korns-9 divides by log|x2| and pow(x4,2) on U[-50,50]: many points leave (-100, 100)
        Dataset d = BenchmarkDataset.generate("Korns-9");
        assertEquals(100, d.trainSize());
        for (double y : d.yTrain()) assertTrue(y > -100 && y < 100, "y " + y);
        // the first round's survivors end up last: regenerate the first round by hand
        Benchmark b = BenchmarkRegistry.get().get("Korns-9");
        NumpyRandomState rng = new NumpyRandomState(NumpyRandomState.adler32("Korns-9"));
        double[][] first = new double[5][];
        for (int v = 0; v < 5; v++) first[v] = rng.uniform(-50, 50, 100);
        double[] y = BenchmarkExpression.parse(b.expression(), 5).evaluate(first);
        int kept = 0;
        for (double v : y) if (v > -100 && v < 100) kept++;
        assertTrue(kept < 100, "the test needs invalid draws");
        int lastKept = -1;
        for (int i = 0; i < 100; i++) if (y[i] > -100 && y[i] < 100) lastKept = i;
        assertEquals(first[0][lastKept], d.xTrain()[0][99]);
        assertEquals(y[lastKept], d.yTrain()[99]);
    }

    @Test
    void gridsWithCountSemanticsOrSeveralVariables() {
        Dataset r1 = BenchmarkDataset.generate("R1"); // E [-1, 1, 20]: 20 points (the reference fails here)
        assertEquals(20, r1.trainSize());
        assertEquals(-1.0, r1.xTrain()[0][0]);
        assertEquals(1.0, r1.xTrain()[0][19]);
        Dataset pagie = BenchmarkDataset.generate("Pagie-1"); // E [-5, 5, 0.4] per variable: 26 x 26
        assertEquals(676, pagie.trainSize());
        assertEquals(676, pagie.testSize());
        assertEquals(-5.0, pagie.xTrain()[0][0]);
        assertEquals(-4.6, pagie.xTrain()[1][1], 1e-15); // x2 varies fastest
        assertEquals(-5.0, pagie.xTrain()[0][25]);
        assertEquals(-4.6, pagie.xTrain()[0][26], 1e-15);
        Dataset v3 = BenchmarkDataset.generate("Vladislavleva-3"); // x1: 100 points, x2: E [0.05, 10.05, 2] = 6 points
        assertEquals(600, v3.trainSize());
    }

    @Test
    void gridsKeepLargeValuesButDropNonFiniteOnes() {
        Dataset k6 = BenchmarkDataset.generate("Keijzer-6"); // test E [1, 120, 1] of x(x+1)/2 reaches 7260
        assertEquals(120, k6.testSize());
        assertEquals(7260.0, k6.yTest()[119]);
        Dataset k8 = BenchmarkDataset.generate("Keijzer-7"); // log on E [1, 100, 1]: all finite
        assertEquals(100, k8.trainSize());
    }

    @Test
    void dataFactorOnGrids() {
        Dataset k1 = BenchmarkDataset.generate(BenchmarkRegistry.get().get("Keijzer-1"), 0, 0, 10); // 21 -> 201 points
        assertEquals(201, k1.trainSize());
        assertEquals(2001, k1.testSize()); // own test spec: as published
    }

    @Test
    void seedChangesDataDeterministically() {
        Benchmark b = BenchmarkRegistry.get().get("Nguyen-1");
        Dataset a = BenchmarkDataset.generate(b, 1, 0, 1);
        Dataset a2 = BenchmarkDataset.generate(b, 1, 0, 1);
        assertArrayEquals(a.xTrain()[0], a2.xTrain()[0]);
        assertNotEquals(BenchmarkDataset.generate("Nguyen-1").xTrain()[0][0], a.xTrain()[0][0]);
    }

    @Test
    void rejectsBadArguments() {
        Benchmark b = BenchmarkRegistry.get().get("Nguyen-1");
        assertThrows(ConfigException.class, () -> BenchmarkDataset.generate(b, 0, -0.1, 1));
        assertThrows(ConfigException.class, () -> BenchmarkDataset.generate(b, 0, 0, 0));
        assertThrows(ConfigException.class, () -> BenchmarkDataset.generate(b, -1, 0, 1));
        assertThrows(ConfigException.class, () -> BenchmarkDataset.generate(b, 0xffffffffL, 0, 1));
    }

    /**
     * All but Korns-8 generate: 6.87 + 11·sqrt(|7.23·x1·x4·x5|) on U[-50, 50] is almost never below 100, so the
     * reference (same draws) gives up too.
     */
    @Test
    void everyPublishedBenchmarkGeneratesOrFailsClearly() {
        List<String> failed = new java.util.ArrayList<>();
        for (String name : BenchmarkRegistry.get().names()) {
            try {
                Dataset d = BenchmarkDataset.generate(name);
                assertTrue(d.trainSize() > 0 && d.testSize() > 0, name);
            } catch (ConfigException e) {
                assertTrue(e.getMessage().contains(name) && e.getMessage().contains("|y| < 100"), e.getMessage());
                failed.add(name);
            }
        }
        assertEquals(List.of("Korns-8"), failed);
    }
}
