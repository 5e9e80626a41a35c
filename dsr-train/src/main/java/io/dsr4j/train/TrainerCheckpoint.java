package io.dsr4j.train;

import io.dsr4j.programs.eval.ProgramCache;
import io.dsr4j.train.log.HallOfFame;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and restores everything a run needs to continue exactly as if uninterrupted: counters, best program, the
 * trainer's RNG, policy (weights, optimiser, RNG), estimator state, hall of fame, Pareto candidates and the program
 * cache with fitted constants (LRU order preserved). Written to a temporary file and atomically renamed.
 */
public final class TrainerCheckpoint {

    private static final int MAGIC = 0x44535234; // "DSR4"
    private static final int VERSION = 1;

    private TrainerCheckpoint() { }

    public static void save(Trainer t, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
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
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void load(Trainer t, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IOException(file + " is not a dsr4j checkpoint");
            int version = in.readInt();
            if (version != VERSION) throw new IOException(file + ": unsupported checkpoint version " + version);
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
