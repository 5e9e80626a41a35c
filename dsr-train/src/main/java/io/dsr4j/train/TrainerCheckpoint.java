package io.dsr4j.train;

import io.dsr4j.programs.eval.ProgramCache;
import io.dsr4j.train.log.HallOfFame;
import io.dsr4j.train.run.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Saves and restores everything a run needs to continue exactly as if uninterrupted: counters, best program, the
 * trainer's RNG, policy (weights, optimiser, RNG), estimator state, hall of fame, Pareto candidates and the program
 * cache with fitted constants (LRU order preserved). Format: magic, version, payload, CRC32C of all that, end
 * marker; written to a temporary file, forced to disk and atomically renamed, so a damaged file is recognised
 * ({@link #verify}) instead of resuming into a different run.
 */
public final class TrainerCheckpoint {

    private static final int MAGIC = 0x44535234; // "DSR4"
    /** 2: a CRC32C of everything before it and an end marker follow the payload (1: no trailer). */
    private static final int VERSION = 2;
    private static final int END = 0x454E4421; // "END!"

    private TrainerCheckpoint() { }

    /**
     * Writes the checkpoint atomically (temporary file, fsync, rename, fsync of the folder). The checkpoint it
     * replaces is kept as {@link #previous(Path)} (a hard link, so no copy), to resume from if this one is damaged
     * later. On failure (disk full, ...) nothing is torn: the old checkpoint stays and no temporary file is left.
     */
    public static void save(Trainer t, Path file) throws IOException {
        if (Files.exists(file)) keepAsPrevious(file);
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32C());
            DataOutputStream out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writePayload(t, out);
            out.flush();
            DataOutputStream trailer = new DataOutputStream(raw);
            trailer.writeInt((int) checked.getChecksum().getValue());
            trailer.writeInt(END);
            trailer.flush();
        });
    }

    /** {@code checkpoint.bin} → {@code checkpoint.prev.bin}: the checkpoint before the current one. */
    public static Path previous(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot > 0 ? name.substring(0, dot) + ".prev" + name.substring(dot) : name + ".prev");
    }

    /** Deletes a checkpoint and the previous one kept beside it. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(previous(file));
    }

    private static void keepAsPrevious(Path file) throws IOException {
        Path prev = previous(file);
        Files.deleteIfExists(prev);
        try {
            Files.createLink(prev, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, prev, StandardCopyOption.REPLACE_EXISTING); // a file system without hard links
        }
    }

    private static void writePayload(Trainer t, DataOutputStream out) throws IOException {
        out.writeLong(t.iteration());
        out.writeLong(t.nevals());
        out.writeDouble(t.rBest());
        out.writeDouble(t.elapsedSeconds());
        out.writeBoolean(t.best() != null);
        if (t.best() != null) writeRecord(out, t.best());
        out.writeLong(t.finishRng().state());
        t.policy().save(out);
        t.estimator().save(out);
        HallOfFame hof = t.hallOfFame();
        List<String> keys = hof.keys();
        List<ProgramRecord> progs = hof.programs();
        out.writeInt(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.writeUTF(keys.get(i));
            writeRecord(out, progs.get(i));
        }
        List<ProgramRecord> pf = t.paretoFront().candidates();
        out.writeInt(pf.size());
        for (ProgramRecord p : pf) writeRecord(out, p);
        List<ProgramCache.Entry> cache = t.cache().entries();
        out.writeInt(cache.size());
        for (ProgramCache.Entry e : cache) {
            out.writeUTF(e.key());
            out.writeDouble(e.reward());
            out.writeBoolean(e.invalid());
            writeDoubles(out, e.constants());
        }
    }

    /** What {@link #verify} found. */
    public record Check(boolean ok, long iteration, String problem) { }

    /**
     * Checks a checkpoint without loading it: magic number, format version, length and CRC32C checksum.
     * Never throws for a damaged file; the problem is described in the result.
     */
    public static Check verify(Path file) {
        try {
            long size = Files.size(file);
            if (size < 8) return new Check(false, -1, "it is truncated (" + size + " bytes)");
            long iteration;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                if (in.readInt() != MAGIC) return new Check(false, -1, "it is not a dsr4j checkpoint (wrong magic number)");
                int version = in.readInt();
                if (version == 1) return new Check(true, size >= 16 ? in.readLong() : -1, null); // no checksum in v1
                if (version != VERSION) {
                    return new Check(false, -1, "its format version " + version + " is not one this dsr4j reads (1, "
                            + VERSION + ")");
                }
                if (size < 24) return new Check(false, -1, "it is truncated (" + size + " bytes)");
                iteration = in.readLong();
            }
            CRC32C crc = new CRC32C();
            int stored;
            int end;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                long covered = size - 8;
                long pos = 0;
                while (pos < covered) {
                    buf.clear().limit((int) Math.min(buf.capacity(), covered - pos));
                    int n = ch.read(buf, pos);
                    if (n < 0) return new Check(false, iteration, "it is truncated");
                    buf.flip();
                    crc.update(buf);
                    pos += n;
                }
                ByteBuffer tail = ByteBuffer.allocate(8);
                while (tail.hasRemaining() && ch.read(tail, covered + tail.position()) > 0) { }
                tail.flip();
                stored = tail.getInt();
                end = tail.getInt();
            }
            if (end != END) return new Check(false, iteration, "it is truncated or was not written completely (no end marker)");
            if (stored != (int) crc.getValue()) {
                return new Check(false, iteration, "its checksum does not match: it was changed or corrupted after "
                        + "it was written");
            }
            return new Check(true, iteration, null);
        } catch (IOException e) {
            return new Check(false, -1, "it cannot be read (" + e + ")");
        }
    }

    /**
     * Restores {@code t} from a checkpoint that {@link #verify} accepts.
     *
     * @throws DamagedCheckpointException when the file is damaged (nothing usable was restored)
     */
    public static void load(Trainer t, Path file) throws IOException {
        Check check = verify(file);
        if (!check.ok()) throw new DamagedCheckpointException(file, check.problem());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.readInt();
            in.readInt();
            readPayload(t, in);
        } catch (EOFException e) {
            throw new DamagedCheckpointException(file, "it is truncated");
        }
    }

    private static void readPayload(Trainer t, DataInputStream in) throws IOException {
        long iteration = in.readLong();
        long nevals = in.readLong();
        double rBest = in.readDouble();
        double elapsed = in.readDouble();
        ProgramRecord best = in.readBoolean() ? readRecord(in) : null;
        t.finishRng().setState(in.readLong());
        t.policy().load(in);
        t.estimator().load(in);
        int h = in.readInt();
        List<String> keys = new ArrayList<>(h);
        List<ProgramRecord> progs = new ArrayList<>(h);
        for (int i = 0; i < h; i++) {
            keys.add(in.readUTF());
            progs.add(readRecord(in));
        }
        t.hallOfFame().restore(keys, progs);
        int p = in.readInt();
        List<ProgramRecord> pf = new ArrayList<>(p);
        for (int i = 0; i < p; i++) pf.add(readRecord(in));
        t.paretoFront().restore(pf);
        ProgramCache cache = t.cache();
        cache.clear();
        int c = in.readInt();
        for (int i = 0; i < c; i++) {
            String key = in.readUTF();
            cache.put(key, in.readDouble(), in.readBoolean(), readDoubles(in));
        }
        t.restoreCounters(iteration, nevals, rBest, best, elapsed);
    }

    private static void writeRecord(DataOutputStream out, ProgramRecord p) throws IOException {
        out.writeInt(p.traversal().length);
        for (int v : p.traversal()) out.writeShort(v);
        writeDoubles(out, p.constants());
        out.writeDouble(p.reward());
        out.writeDouble(p.complexity());
        out.writeBoolean(p.invalid());
    }

    private static ProgramRecord readRecord(DataInputStream in) throws IOException {
        int n = in.readInt();
        int[] tr = new int[n];
        for (int i = 0; i < n; i++) tr[i] = in.readShort();
        double[] c = readDoubles(in);
        return new ProgramRecord(tr, c, in.readDouble(), in.readDouble(), in.readBoolean());
    }

    private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v == null ? 0 : v.length);
        if (v != null) for (double d : v) out.writeDouble(d);
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readDouble();
        return v;
    }
}
