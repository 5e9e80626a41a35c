package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsTableTest {

    @TempDir
    Path dir;

    /** Nguyen-1: a 2/2, b 1/2; Nguyen-2: a 1/3, b has no runs; Nguyen-1 b seed 1 appears twice (counts once). */
    private static final String RESULTS = """
            variant,benchmark,seed,success,iterations,n_samples,seconds,r_best,nmse_test_noiseless,expression
            a,Nguyen-1,0,true,10,10000,1.000,1.0,0.0,x1
            a,Nguyen-1,1,true,30,30000,3.000,1.0,0.0,x1
            b,Nguyen-1,0,false,100,100000,9.000,0.9,0.1,"sin(x1), approx"
            b,Nguyen-1,1,true,50,50000,5.000,1.0,0.0,x1
            b,Nguyen-1,1,true,70,70000,7.000,1.0,0.0,x1
            a,Nguyen-2,0,false,100,100000,9.000,0.9,0.1,x1
            a,Nguyen-2,1,true,20,20000,2.000,1.0,0.0,x1
            a,Nguyen-2,2,false,100,100000,9.000,0.9,0.1,x1
            """;

    private Path resultsDir() throws Exception {
        Files.writeString(dir.resolve("results.csv"), RESULTS);
        return dir;
    }

    @Test
    void cellsAveragesAndMedians() throws Exception {
        ResultsTable t = ResultsTable.of("t", ResultsFile.read(resultsDir().resolve("results.csv")),
                List.of("Nguyen-2", "Nguyen-1"), List.of("b", "a"), List.of());
        assertEquals(List.of("Nguyen-2", "Nguyen-1"), t.benchmarks());
        assertEquals(List.of("b", "a"), t.variants());
        ResultsTable.Cell a1 = t.cell("Nguyen-1", "a");
        assertEquals(2, a1.runs());
        assertEquals(2, a1.successes());
        assertEquals(2.0, a1.medianSeconds(), 1e-12);
        assertEquals(20000, a1.medianSamples(), 1e-9);
        assertEquals(20, a1.medianIterations(), 1e-9);
        ResultsTable.Cell b1 = t.cell("Nguyen-1", "b");
        assertEquals(2, b1.runs(), "duplicate row counted once");
        assertEquals(1, b1.successes());
        assertEquals(5.0, b1.medianSeconds(), 1e-12);
        assertEquals(0.0945, b1.interval().lo(), 1e-4);
        assertNull(t.cell("Nguyen-2", "b"));
        assertEquals((1.0 + 1.0 / 3) / 2, t.average("a").rate(), 1e-12);
        assertEquals(2, t.average("a").benchmarks());
        assertEquals(0.5, t.average("b").rate(), 1e-12);
        assertEquals(1, t.average("b").benchmarks());
    }

    @Test
    void markdownAndCsvContent() throws Exception {
        Reference ref = new Reference("Paper", java.util.Map.of("Nguyen-1", 1.0), 0.836);
        ResultsTable t = ResultsTable.of("t", ResultsFile.read(resultsDir().resolve("results.csv")),
                List.of("Nguyen-1", "Nguyen-2"), List.of("a", "b"), List.of(ref));
        String md = t.markdown();
        assertTrue(md.contains("| benchmark | a | b | Paper |"), md);
        assertTrue(md.contains("| Nguyen-1 | 2/2 (100.0%, [34.2, 100.0]) | 1/2 (50.0%, [9.5, 90.5]) | 100.0% |"), md);
        assertTrue(md.contains("| Nguyen-2 | 1/3 (33.3%, [6.1, 79.2]) | – |  |"), md);
        assertTrue(md.contains("| **average** | **66.7%** | **50.0%** (1 of 2 benchmarks) | 83.6% |"), md);
        assertTrue(md.contains("| Nguyen-1 | 2.0 s / 20000 / 20.0 | 5.0 s / 50000 / 50.0 |"), md);
        assertTrue(md.contains("| Nguyen-2 | 2.0 s / 20000 / 20.0 | – |"), md);

        List<String> csv = t.csv().lines().toList();
        assertEquals("benchmark,variant,runs,successes,rate,wilson_lo,wilson_hi,median_seconds_to_success,"
                + "median_n_samples_to_success,median_iterations_to_success,symbolic_successes,symbolic_rate,"
                + "symbolic_unknown", csv.get(0));
        // no symbolic_success column in this file: unknown for every run
        assertEquals("Nguyen-1,a,2,2,1,0.34238,1,2,20000,20,,,2", csv.get(1));
        assertEquals("Nguyen-1,b,2,1,0.5,0.0945312,0.905469,5,50000,50,,,2", csv.get(2));
        assertEquals("Nguyen-2,a,3,1,0.333333,0.0614919,0.79234,2,20000,20,,,3", csv.get(3));
        assertEquals("average,a,5,3,0.666667,,,,,,,,", csv.get(4));
        assertEquals("average,b,2,1,0.5,,,,,,,,", csv.get(5));
        assertEquals("Nguyen-1,reference: Paper,,,1,,,,,,,,", csv.get(6));
        assertEquals("average,reference: Paper,,,0.836,,,,,,,,", csv.get(7));
        assertFalse(md.contains("Symbolic recovery"), "no section without any known verdict");
        assertEquals(8, csv.size());
    }

    @Test
    void symbolicRecoveryBesideTheNumericOne() throws Exception {
        Files.writeString(dir.resolve("results.csv"), """
                variant,benchmark,seed,success,iterations,n_samples,seconds,symbolic_success
                a,Nguyen-1,0,true,20,20000,2.0,true
                a,Nguyen-1,1,true,20,20000,2.0,false
                a,Nguyen-1,2,false,20,20000,2.0,false
                a,Nguyen-2,0,true,20,20000,2.0,
                """);
        ResultsTable t = ResultsTable.of("t", ResultsFile.read(dir.resolve("results.csv")), List.of(), List.of(), List.of());
        assertEquals(1, t.cell("Nguyen-1", "a").symbolicSuccesses());
        assertEquals(1.0 / 3, t.cell("Nguyen-1", "a").symbolicRate(), 1e-12);
        assertTrue(Double.isNaN(t.cell("Nguyen-2", "a").symbolicRate()));
        String md = t.markdown();
        assertTrue(md.contains("## Symbolic recovery"), md);
        assertTrue(md.contains("| Nguyen-1 | 1/3 |"), md);
        assertTrue(md.contains("| Nguyen-2 | ? |"), md);
        assertTrue(md.contains("| **average** | **33.3%** |"), md);
        assertTrue(t.csv().contains("Nguyen-1,a,3,2,0.666667,0.207655,0.938510,2,20000,20,1,0.333333,0") || t.csv().lines()
                .anyMatch(l -> l.startsWith("Nguyen-1,a,3,2,") && l.endsWith(",1,0.333333,0")), t.csv());
    }

    @Test
    void noSuccessShowsNoMedian() throws Exception {
        Files.writeString(dir.resolve("results.csv"), """
                variant,benchmark,seed,success,iterations,n_samples,seconds
                a,Nguyen-5,0,false,2000,2000000,200.0
                """);
        ResultsTable t = ResultsTable.of("t", ResultsFile.read(dir.resolve("results.csv")), List.of(), List.of(), List.of());
        assertTrue(Double.isNaN(t.cell("Nguyen-5", "a").medianSeconds()));
        assertTrue(t.markdown().contains("| Nguyen-5 | no recovery |"), t.markdown());
        assertTrue(t.markdown().contains("| Nguyen-5 | 0/1 (0.0%, [0.0, 79.3]) |"), t.markdown());
    }

    @Test
    void aggregateWritesTablesAndAPng() throws Exception {
        Path out = resultsDir();
        Files.writeString(out.resolve("grid.yaml"), """
                name: hand-made
                base: not/copied/here.yaml
                variants: {b: {}, a: {}}
                benchmarks: [Nguyen-2, Nguyen-1]
                seeds: 3
                reference: {Paper: {Nguyen-2: 0.5}}
                """);
        ResultsTable t = BenchApp.aggregate(out);
        assertEquals("hand-made", t.title());
        assertEquals(List.of("Nguyen-2", "Nguyen-1"), t.benchmarks(), "order from the grid copy");
        assertEquals(List.of("b", "a"), t.variants());
        assertEquals(t.markdown(), Files.readString(out.resolve("table.md")));
        assertEquals(t.csv(), Files.readString(out.resolve("table.csv")));
        Path png = out.resolve("recovery.png");
        assertTrue(Files.size(png) > 1000, "non-trivial PNG");
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 800 && img.getHeight() >= 500, img.getWidth() + "x" + img.getHeight());
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")));
        }
    }

    @Test
    void aggregateWithoutResultsIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> BenchApp.aggregate(dir));
        assertTrue(e.getMessage().contains("no results file"), e.getMessage());
    }

    @Test
    void median() {
        assertEquals(2.0, ResultsTable.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, ResultsTable.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(ResultsTable.median(List.of())));
    }
}
