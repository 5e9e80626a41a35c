package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDatasetReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private ConfigException error(String text, String target) throws IOException {
        Path p = file("bad.csv", text);
        return assertThrows(ConfigException.class, () -> CsvDatasetReader.read(p, target));
    }

    @Test
    void headerlessLastColumnIsTheTarget() throws IOException {
        Dataset d = CsvDatasetReader.read(file("plain.csv", "1,2,3\n4,5,6\n\n-7e-1,.5,+9\n"), null);
        assertEquals("plain", d.name());
        assertEquals(2, d.variableCount());
        assertArrayEquals(new double[] {1, 4, -0.7}, d.xTrain()[0]);
        assertArrayEquals(new double[] {2, 5, 0.5}, d.xTrain()[1]);
        assertArrayEquals(new double[] {3, 6, 9}, d.yTrain());
        assertArrayEquals(d.yTrain(), d.yTest());
        assertArrayEquals(d.yTrain(), d.yTestNoiseless());
        assertNull(d.functionSet());
        assertNull(d.targetExpression());
    }

    @Test
    void headerDetectedAndTargetByName() throws IOException {
        Path p = file("named.csv", "\uFEFFa, y ,b\r\n1,2,3\r\n4,5,6\r\n");
        Dataset last = CsvDatasetReader.read(p, null);
        assertArrayEquals(new double[] {3, 6}, last.yTrain());
        Dataset byName = CsvDatasetReader.read(p, "y");
        assertArrayEquals(new double[] {2, 5}, byName.yTrain());
        assertArrayEquals(new double[] {1, 4}, byName.xTrain()[0]);
        assertArrayEquals(new double[] {3, 6}, byName.xTrain()[1]);
    }

    @Test
    void unknownTargetListsTheColumns() throws IOException {
        ConfigException e = error("alpha,beta,gamma\n1,2,3\n", "gama");
        assertTrue(e.getMessage().contains("did you mean 'gamma'"), e.getMessage());
        assertTrue(e.getMessage().contains("alpha, beta, gamma"), e.getMessage());
        e = error("1,2\n", "y");
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void badCellsNameFileLineAndColumn() throws IOException {
        ConfigException e = error("a,b\n1,2\n3,x\n", null);
        assertTrue(e.getMessage().contains("bad.csv line 3, column 2 ('b'): 'x' is not a number"), e.getMessage());
        e = error("1,2\n3,nan\n", null);
        assertTrue(e.getMessage().contains("line 2, column 2: 'nan' is not a finite number"), e.getMessage());
        e = error("1,2\n3,-inf\n", null);
        assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
        e = error("1,2\n,4\n", null);
        assertTrue(e.getMessage().contains("line 2, column 1: empty value"), e.getMessage());
        e = error("1,2\n1e999,4\n", null);
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }

    @Test
    void raggedEmptyAndSingleColumnFiles() throws IOException {
        ConfigException e = error("1,2,3\n4,5\n", null);
        assertTrue(e.getMessage().contains("line 2: found 2 columns but the first row has 3"), e.getMessage());
        e = error("x,y\n", null);
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        e = error("", null);
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
        e = error("1\n2\n", null);
        assertTrue(e.getMessage().contains("at least one input column"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> CsvDatasetReader.read(dir.resolve("missing.csv"), null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void readsTheShippedFilesExactly() {
        Path p = Path.of("src/test/resources/dso-data/Nguyen-12.csv");
        Dataset d = CsvDatasetReader.read(p, null);
        double[][] rows = ShippedData.rows("Nguyen-12.csv");
        assertEquals(rows.length, d.trainSize());
        for (int i = 0; i < rows.length; i++) {
            assertEquals(rows[i][0], d.xTrain()[0][i]);
            assertEquals(rows[i][1], d.xTrain()[1][i]);
            assertEquals(rows[i][2], d.yTrain()[i]);
        }
    }
}
