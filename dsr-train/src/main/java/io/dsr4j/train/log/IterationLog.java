package io.dsr4j.train.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends per-iteration rows to a CSV, flushing every {@code saveFreq} rows. On resume it truncates the file to the
 * rows up to the checkpointed iteration so the log stays exactly one row per iteration.
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
                // atomically: a crash here must not tear the rows the checkpoint still needs
                io.dsr4j.train.run.AtomicFiles.write(file, String.join("\n", lines.subList(0, keep)) + "\n");
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
