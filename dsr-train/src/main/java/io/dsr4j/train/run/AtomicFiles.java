package io.dsr4j.train.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Whole-file writes and appends that never leave a half-written file: write a temp file, then rename. */
public final class AtomicFiles {

    private AtomicFiles() { }

    public static synchronized void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
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
