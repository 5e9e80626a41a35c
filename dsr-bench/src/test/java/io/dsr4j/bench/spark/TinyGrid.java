package io.dsr4j.bench.spark;

import io.dsr4j.bench.GridRunner;
import io.dsr4j.bench.ResultRow;
import io.dsr4j.bench.ResultsFile;
import io.dsr4j.programs.data.QuotedCsv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tiny grid of the Spark tests: 2 variants × 2 benchmarks (a built-in one and a user CSV file, which must travel
 * with the job) × 3 seeds with a small budget; and the comparison of two output folders, run for run and file for
 * file, ignoring only wall-clock measurements.
 */
final class TinyGrid {

    static final int RUNS = 12;

    private TinyGrid() { }

    /** Writes the grid (and its CSV dataset) into {@code dir}; returns the grid file. */
    static Path write(Path dir, int nSamples) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            double x = -1 + i * 0.1;
            csv.append(String.format(Locale.ROOT, "%.2f,%.6f%n", x, x * x * x + x));
        }
        Files.writeString(dir.resolve("data/cubic.csv"), csv);
        Path grid = dir.resolve("tiny.yaml");
        Files.writeString(grid, """
                name: tiny
                # simplified forms have time limits (load-dependent): off, so the executors' files compare exactly
                overrides: {training.n_samples: %d, training.batch_size: 250, logging.simplify: false}
                variants:
                  dsr: {}
                  vpg: {estimator.type: vanilla}
                benchmarks: [Nguyen-1, data/cubic.csv]
                seeds: 3
                """.formatted(nSamples));
        return grid;
    }

    /** results.csv rows by key, with the measured seconds blanked. */
    static Map<String, String> rows(Path outDir) {
        Map<String, String> m = new TreeMap<>();
        for (ResultRow r : ResultsFile.read(outDir.resolve(ResultsFile.NAME))) {
            ResultRow noTime = new ResultRow(r.variant(), r.benchmark(), r.seed(), r.success(), r.iterations(),
                    r.nSamples(), 0, r.rBest(), r.nmseTestNoiseless(), r.expression(), r.nmseTest(), r.complexity(),
                    r.traversal());
            m.put(r.key(), noTime.csv());
        }
        return m;
    }

    /** Asserts that two output folders hold the same runs: rows, run folders, and every file in them. */
    static void assertSameResults(Path expected, Path actual) throws IOException {
        Map<String, String> want = rows(expected);
        assertEquals(RUNS, want.size(), "runs in " + expected);
        assertEquals(want, rows(actual));
        assertEquals(runFiles(expected), runFiles(actual));
        List<String> lines = Files.readAllLines(actual.resolve(ResultsFile.NAME));
        assertEquals(RUNS + 1, lines.size(), "no duplicate row: " + lines);
    }

    /** Every file under runs/, path → content without wall-clock fields. */
    static Map<String, String> runFiles(Path outDir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path runs = outDir.resolve("runs");
        try (Stream<Path> s = Files.walk(runs)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = runs.relativize(f).toString();
                // plots are images and provenance records when and where: present in both, content not compared
                if (rel.endsWith(".png") || rel.endsWith("provenance.yaml")) {
                    m.put(rel, "(present)");
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (rel.endsWith("iterations.csv")) text = dropColumns(text, List.of("time", "evals_per_s"));
                if (rel.endsWith("result.yaml")) text = text.replaceAll("(?m)^seconds: .*$", "seconds: -");
                m.put(rel, text);
            }
        }
        assertTrue(m.size() >= RUNS * 3, "each run folder has its files: " + m.keySet());
        return m;
    }

    private static String dropColumns(String csv, List<String> names) {
        String[] lines = csv.split("\n");
        List<String> header = QuotedCsv.split(lines[0]);
        List<Integer> drop = new ArrayList<>();
        for (String n : names) drop.add(header.indexOf(n));
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            List<String> f = new ArrayList<>(QuotedCsv.split(line));
            for (int i = f.size() - 1; i >= 0; i--) if (drop.contains(i)) f.remove(i);
            out.append(String.join(",", f)).append('\n');
        }
        return out.toString();
    }

    /**
     * One column of a run's iterations.csv, as numbers ({@code run}: "variant/benchmark-folder/seed_N" under runs/).
     */
    static List<Double> iterationColumn(Path outDir, String run, String column) throws IOException {
        List<String> lines = Files.readAllLines(outDir.resolve("runs").resolve(run).resolve("iterations.csv"));
        int c = QuotedCsv.split(lines.get(0)).indexOf(column);
        assertTrue(c >= 0, column + " in " + run);
        List<Double> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) values.add(Double.parseDouble(QuotedCsv.split(line).get(c)));
        return values;
    }

    /** Removes the last {@code n} rows of results.csv, as if the grid had been stopped before them. */
    /** Removes the last {@code n} rows of results.csv; returns their run folders, relative to {@code runs/}. */
    static List<String> dropLastRows(Path outDir, int n) throws IOException {
        Path f = outDir.resolve(ResultsFile.NAME);
        List<String> lines = Files.readAllLines(f);
        Files.write(f, lines.subList(0, lines.size() - n));
        List<String> folders = new ArrayList<>();
        for (String row : lines.subList(lines.size() - n, lines.size())) {
            List<String> c = QuotedCsv.split(row);   // variant, benchmark, seed, ...
            folders.add(c.get(0) + "/" + GridRunner.safeName(c.get(1)) + "/seed_" + c.get(2));
        }
        return folders;
    }
}
