package io.dsr4j.train;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint that fails its checks (truncated, wrong checksum, not a checkpoint): nothing was restored from it. */
public final class DamagedCheckpointException extends IOException {

    private final Path file;

    public DamagedCheckpointException(Path file, String problem) {
        super(file + " is damaged: " + problem);
        this.file = file;
    }

    public Path file() { return file; }
}
