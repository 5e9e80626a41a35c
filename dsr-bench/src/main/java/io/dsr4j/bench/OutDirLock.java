package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive lock on an output folder, so two bench processes never write the same results file. */
final class OutDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static OutDirLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(".bench.lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            throw new ConfigException(dir + ": another 'dsr bench' is running into this folder; wait for it to finish "
                    + "or use another --out folder");
        }
        return new OutDirLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
