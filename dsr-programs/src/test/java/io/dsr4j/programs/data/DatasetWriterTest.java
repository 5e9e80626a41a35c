package io.dsr4j.programs.data;

import io.dsr4j.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetWriterTest {

    @TempDir
    Path dir;

    @Test
    void pythonReprFormatting() {
        assertEquals("1e-05", DatasetWriter.format(1e-5));
        assertEquals("0.0001", DatasetWriter.format(1e-4));
        assertEquals("1.5e-07", DatasetWriter.format(1.5e-7));
        assertEquals("1e+16", DatasetWriter.format(1e16));
        assertEquals("1.2345e+22", DatasetWriter.format(1.2345e22));
        assertEquals("123456789012345.6", DatasetWriter.format(123456789012345.6));
        assertEquals("0.1", DatasetWriter.format(0.1));
        assertEquals("0.3333333333333333", DatasetWriter.format(1.0 / 3));
        assertEquals("-2.5", DatasetWriter.format(-2.5));
        assertEquals("100.0", DatasetWriter.format(100));
        assertEquals("9007199254740992.0", DatasetWriter.format(9007199254740992.0));
        assertEquals("5e-324", DatasetWriter.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", DatasetWriter.format(Double.MAX_VALUE));
        assertEquals("-0.0", DatasetWriter.format(-0.0));
    }

    @Test
    void roundTripsEveryDouble() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(v)) continue;
            String s = DatasetWriter.format(v);
            assertEquals(v, Double.parseDouble(s), s);
            assertTrue(s.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() <= 17 + 3, s);
        }
    }

    /** Same bytes as the reference's shipped files when fed the same numbers. */
    @Test
    void layoutIdenticalToTheShippedFiles() throws IOException {
        for (String name : new String[] {"Nguyen-1", "Nguyen-12", "Constant-4"}) {
            double[][] train = ShippedData.rows(name + ".csv");
            double[][] test = ShippedData.rows(name + "_test.csv");
            Dataset d = new Dataset(name, columns(train), last(train), columns(test), last(test), last(test), null, null);
            Path written = DatasetWriter.write(d, dir);
            assertEquals(dir.resolve(name + ".csv"), written);
            assertEquals(resource(name + ".csv"), Files.readString(written));
            assertEquals(resource(name + "_test.csv"), Files.readString(dir.resolve(name + "_test.csv")));
        }
    }

    @Test
    void writesAndReadsBackAGeneratedBenchmark() throws IOException {
        Dataset d = BenchmarkDataset.generate(BenchmarkRegistry.get().get("Nguyen-12"), 3, 0.05, 1);
        DatasetWriter.write(d, dir.resolve("sub/dir"));
        Dataset back = CsvDatasetReader.read(dir.resolve("sub/dir/Nguyen-12.csv"), null);
        assertArrayEquals(d.xTrain()[1], back.xTrain()[1]);
        assertArrayEquals(d.yTrain(), back.yTrain());
        Dataset backTest = CsvDatasetReader.read(dir.resolve("sub/dir/Nguyen-12_test.csv"), null);
        assertArrayEquals(d.yTest(), backTest.yTest());
    }

    @Test
    void failureLeavesNoPartialOrTemporaryFile() throws IOException {
        Dataset d = BenchmarkDataset.generate("Nguyen-1");
        // the test file's name is taken by a non-empty directory: its rename must fail
        Files.createDirectories(dir.resolve("Nguyen-1_test.csv/blocker"));
        assertThrows(IOException.class, () -> DatasetWriter.write(d, dir));
        assertTrue(Files.isDirectory(dir.resolve("Nguyen-1_test.csv/blocker")));
        assertEquals(20, Files.readAllLines(dir.resolve("Nguyen-1.csv")).size()); // complete, written before
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    private static double[][] columns(double[][] rows) {
        double[][] x = new double[rows[0].length - 1][rows.length];
        for (int i = 0; i < rows.length; i++) for (int v = 0; v < x.length; v++) x[v][i] = rows[i][v];
        return x;
    }

    private static double[] last(double[][] rows) {
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) y[i] = rows[i][rows[i].length - 1];
        return y;
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(DatasetWriterTest.class.getResourceAsStream("/dso-data/" + file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
