package io.dsr4j.train.run;

import io.dsr4j.api.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on output folders the user names, so that a wrong path is a clear error before anything is written. */
public final class OutputDirs {

    private OutputDirs() { }

    /**
     * Fails when {@code dir} or one of its parents exists but is not a folder.
     *
     * @param what how the user named it, e.g. {@code --out}
     */
    public static void requireDirectoryOrAbsent(Path dir, String what) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) return;
            if (Files.exists(p)) {
                throw new ConfigException(what + " " + dir + ": " + (p.equals(dir.toAbsolutePath().normalize())
                        ? "is a file, not a folder" : p + " is a file, not a folder")
                        + "; pass a folder (it is created when missing)");
            }
        }
    }
}
