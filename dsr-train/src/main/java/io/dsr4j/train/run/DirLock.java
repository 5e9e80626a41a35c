package io.dsr4j.train.run;

import io.dsr4j.api.config.ConfigException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on an output folder (a run directory, a bench folder), so that two processes never write the
 * same files. The lock is an OS file lock on a small file in the folder holding the owner's process id; it is
 * released when the process dies in any way (kill -9 included) and the file is deleted on {@link #close()}.
 *
 * <p>Deleting the file on close races with a process that opened it just before: that process may lock the deleted
 * file while a third one creates and locks a new one. So after locking, the holder checks that the path still names
 * the file it opened (same inode); if not, it lost the race and tries again.
 *
 * <p>OS file locks belong to the process, and closing any channel on the file releases them, so locks held inside
 * this JVM are also kept in {@link #HELD} and a second attempt here fails before it opens the file.
 */
public final class DirLock implements AutoCloseable {

    /** Lock files held by this JVM (the OS cannot tell two holders in one process apart). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private DirLock(Path file, Path key, FileChannel channel, FileLock lock) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir/lockName} (the folder must exist).
     *
     * @param busyMessage what to tell the user when another process holds the lock (its process id is appended)
     * @throws ConfigException when another process (or another lock in this JVM) holds it
     */
    public static DirLock acquire(Path dir, String lockName, String busyMessage) throws IOException {
        Path file = dir.resolve(lockName);
        Path key = dir.toRealPath().resolve(lockName);
        if (!HELD.add(key)) throw new ConfigException(busyMessage + " (held by this process, " + ProcessHandle.current().pid() + ")");
        boolean ok = false;
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                Object opened = inode(file);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                if (l == null) {
                    ch.close();
                    String holder = holder(file);
                    throw new ConfigException(busyMessage + " (lock file " + file
                            + (holder.isEmpty() ? "" : ", held by process " + holder) + ")");
                }
                if (opened != null && opened.equals(inode(file))) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    ch.force(false);
                    ok = true;
                    return new DirLock(file, key, ch, l);
                }
                l.release(); // we locked a file that its previous holder deleted meanwhile: start again
                ch.close();
            }
            throw new IOException("cannot lock " + file + ": it keeps being replaced by other processes");
        } finally {
            if (!ok) HELD.remove(key);
        }
    }

    /** The inode (file key) the path names now, or null when it does not exist. */
    private static Object inode(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The process id written into the lock file, or "" when unknown. */
    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Deletes the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    HELD.remove(key);
                }
            }
        }
    }
}
