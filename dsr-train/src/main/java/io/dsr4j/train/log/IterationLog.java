package io.dsr4j.train.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends per-iteration rows to a CSV, flushing every {@code saveFreq} rows. On resume it truncates the file to the
 * rows up to the checkpointed iteration so the log stays exactly one row per iteration, and brings the header of a
 * file written by an older version (fewer columns) up to date ({@link #migrate}).
 */
public final class IterationLog implements AutoCloseable {

    private final BufferedWriter out;
    private final int saveFreq;
    private int pending;

    public IterationLog(Path file, int saveFreq, long keepIterations) {
        this.saveFreq = Math.max(1, saveFreq);
        try {
            if (keepIterations > 0 && Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                int keep = (int) Math.min(lines.size(), keepIterations + 1);
                List<String> kept = migrate(file, lines.subList(0, keep));
                // atomically: a crash here must not tear the rows the checkpoint still needs
                io.dsr4j.train.run.AtomicFiles.write(file, String.join("\n", kept) + "\n");
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } else {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write(IterationStats.HEADER);
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The kept lines under today's header. A run folder written by an older version has a shorter header (columns
     * are only ever added at the end, e.g. {@code quantile}): its header becomes today's and its rows get empty
     * cells for the new columns (unknown, like an estimator that reports none), so the rows appended after them
     * have the header's width.
     */
    static List<String> migrate(Path file, List<String> lines) {
        if (lines.isEmpty()) return List.of(IterationStats.HEADER);
        String header = lines.get(0);
        if (header.equals(IterationStats.HEADER)) return lines;
        if (!IterationStats.HEADER.startsWith(header + ",")) {
            throw new IllegalStateException(file + ": cannot resume: its header is not one this version wrote or "
                    + "can extend; found '" + header + "', expected '" + IterationStats.HEADER + "' or a prefix of it");
        }
        int missing = columns(IterationStats.HEADER) - columns(header);
        String pad = ",".repeat(missing);
        List<String> out = new ArrayList<>(lines.size());
        out.add(IterationStats.HEADER);
        for (String row : lines.subList(1, lines.size())) out.add(row.isEmpty() ? row : row + pad);
        return out;
    }

    private static int columns(String header) {
        return header.split(",", -1).length;
    }

    public void append(IterationStats s) {
        try {
            out.write(s.csv());
            out.newLine();
            if (++pending >= saveFreq) flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
            pending = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
