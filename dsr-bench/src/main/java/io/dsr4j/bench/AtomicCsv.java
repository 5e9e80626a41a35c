package io.dsr4j.bench;

import io.dsr4j.train.run.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A CSV file that only ever changes by atomic replacement: every append writes the whole content to a temporary file
 * in the same folder, forces it to disk and renames it over the old one. A process killed at any moment leaves either
 * the old or the new complete file, never a torn line. Thread-safe; one writer process per file (see {@link io.dsr4j.train.run.DirLock}).
 */
final class AtomicCsv {

    private final Path file;
    private final String header;
    private final List<String> lines = new ArrayList<>();

    /**
     * @param existing the data lines already in the file (without header), kept as they are
     */
    AtomicCsv(Path file, String header, List<String> existing) {
        this.file = file;
        this.header = header;
        lines.addAll(existing);
    }

    Path file() {
        return file;
    }

    synchronized List<String> lines() {
        return Collections.unmodifiableList(new ArrayList<>(lines));
    }

    synchronized void append(String line) throws IOException {
        lines.add(line);
        try {
            write();
        } catch (IOException e) {
            lines.remove(lines.size() - 1);
            throw e;
        }
    }

    /** Replaces all data lines (e.g. to sort them). */
    synchronized void replaceAll(List<String> newLines) throws IOException {
        lines.clear();
        lines.addAll(newLines);
        write();
    }

    private void write() throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (String l : lines) sb.append(l).append('\n');
        AtomicFiles.write(file, sb.toString());
    }
}
