package io.dsr4j.train.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-file writes and appends that never leave a half-written file: write a temporary file in the same folder,
 * force it to disk, rename it over the target, then sync the folder so the rename itself is durable. A process
 * killed at any moment leaves either the old or the new complete file.
 */
public final class AtomicFiles {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() { }

    public static synchronized void write(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /** The bytes of a file, written to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file next to {@code file}, forces it to disk and renames it over
     * {@code file}. On any failure (disk full, ...) the temporary file is removed and {@code file} is untouched. The
     * new file gets the default permissions of a new file (the umask), not the 0600 of a JDK temporary file, so
     * others sharing a results folder can read it.
     */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes the temporary files that writers killed between creating and renaming them (kill -9, power loss) left
     * in {@code dir} and its subfolders: hidden files ending in {@code .tmp}, as {@link #write} and the plot writer
     * name them. Call it only where no writer is active, i.e. before a run (or its recording) starts writing its
     * folder; a missing folder is fine.
     */
    public static void removeTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<Path> stale;
        try (var files = Files.walk(dir)) {
            stale = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(f);
            }).toList();
        }
        for (Path f : stale) Files.deleteIfExists(f);
    }

    /** Makes the rename durable; not possible on every platform, where it is skipped. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // e.g. Windows cannot open a directory; the rename is still atomic there
        }
    }

    /** Appends one line to a CSV that starts with {@code header} (created if missing), atomically. */
    public static synchronized void appendLine(Path file, String header, String line) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        if (lines.isEmpty()) lines.add(header);
        lines.add(line);
        write(file, String.join("\n", lines) + "\n");
    }
}
