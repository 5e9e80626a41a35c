package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.programs.data.QuotedCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.csv}: one row per finished run, appended atomically as runs finish. A run's key appears at most once;
 * reading keeps the first row of a key.
 */
public final class ResultsFile {

    public static final String NAME = "results.csv";

    private final AtomicCsv csv;
    private final Map<String, ResultRow> rows = new LinkedHashMap<>();

    private ResultsFile(AtomicCsv csv, List<ResultRow> existing) {
        this.csv = csv;
        for (ResultRow r : existing) rows.putIfAbsent(r.key(), r);
    }

    /** Opens (or prepares to create) {@code dir/results.csv}. */
    static ResultsFile open(Path dir) {
        Path file = dir.resolve(NAME);
        List<String> lines = new ArrayList<>();
        List<ResultRow> existing = read(file, lines);
        return new ResultsFile(new AtomicCsv(file, ResultRow.HEADER, lines), existing);
    }

    /** The rows of a results file (empty when the file does not exist). */
    public static List<ResultRow> read(Path file) {
        return read(file, new ArrayList<>());
    }

    private static List<ResultRow> read(Path file, List<String> rawLines) {
        List<ResultRow> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) return out;
        Map<String, Integer> col = ResultRow.columns(QuotedCsv.split(lines.get(0)), file.toString());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            out.add(ResultRow.parse(QuotedCsv.split(line), col, file + ":" + (i + 1)));
            // Rewrite rows in the current column layout, so an older file gains the new columns consistently.
            rawLines.add(out.get(out.size() - 1).csv());
        }
        return out;
    }

    public Path file() {
        return csv.file();
    }

    public synchronized boolean contains(String key) {
        return rows.containsKey(key);
    }

    public synchronized List<ResultRow> rows() {
        return List.copyOf(rows.values());
    }

    /** Appends a finished run (durable when this returns); a second row for the same key is ignored. */
    public synchronized void append(ResultRow row) throws IOException {
        if (rows.containsKey(row.key())) return;
        csv.append(row.csv());
        rows.put(row.key(), row);
    }

    /** Rewrites the file with its rows in {@code order} (rows it does not know keep their order, at the end). */
    synchronized void sort(Comparator<ResultRow> order) throws IOException {
        List<ResultRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(order);
        List<String> lines = new ArrayList<>();
        rows.clear();
        for (ResultRow r : sorted) {
            rows.put(r.key(), r);
            lines.add(r.csv());
        }
        csv.replaceAll(lines);
    }

    /** Rewrites the file with every row replaced by {@code f} (same keys, same order). */
    synchronized void update(java.util.function.UnaryOperator<ResultRow> f) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean changed = false;
        for (Map.Entry<String, ResultRow> e : rows.entrySet()) {
            ResultRow r = f.apply(e.getValue());
            if (!r.key().equals(e.getKey())) throw new IllegalArgumentException("update changed the key of " + e.getKey());
            changed |= r != e.getValue();
            e.setValue(r);
            lines.add(r.csv());
        }
        if (changed) csv.replaceAll(lines);
    }

    static ConfigException missing(Path dir) {
        return new ConfigException(dir.resolve(NAME) + ": no results file; run the grid into this folder first "
                + "(dsr bench GRID.yaml --out " + dir + ")");
    }
}
