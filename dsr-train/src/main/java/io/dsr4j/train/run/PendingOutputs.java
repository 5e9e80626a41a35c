package io.dsr4j.train.run;

import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.train.ProgramRecord;
import io.dsr4j.train.ProgramScorer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seed's end-of-run outputs waiting for the computer algebra, saved as {@value #FILE} in its folder when
 * simplification runs in a second process after training ({@link ExperimentRunner#deferSimplification}): the finished
 * seed (with its scorer {@link RecordedScorer recorded} for the programs the outputs show) and how the outputs are
 * written. {@link SimplifyPending} reads it and writes the outputs as the training process would have. A binary file
 * written and read by the same build (its first line names the format).
 *
 * @param limitMillis time limit of one simplification ({@code logging.simplify_limit})
 */
public record PendingOutputs(long seed, String benchmark, boolean writePareto, long limitMillis, FinishedSeed finished) {

    public static final String FILE = "simplify.pending";
    private static final String FORMAT = "dsr4j pending outputs 1\n";

    /** Writes {@code file} atomically, recording the scorer's answers for every program the outputs show. */
    public void write(Path file) throws IOException {
        ProgramScorer sc = finished.scorer();
        Map<String, RecordedScorer.Answers> answers = new LinkedHashMap<>();
        List<ProgramRecord> shown = new ArrayList<>();
        if (finished.best() != null) shown.add(finished.best());
        shown.addAll(finished.paretoFront());
        shown.addAll(finished.hallOfFame());
        for (ProgramRecord p : shown) {
            answers.computeIfAbsent(RecordedScorer.key(p.traversal(), p.constants()), k -> RecordedScorer.Answers.of(sc, p));
        }
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.write(FORMAT.getBytes(StandardCharsets.US_ASCII));
            out.writeLong(seed);
            writeString(out, benchmark);
            out.writeBoolean(writePareto);
            out.writeLong(limitMillis);
            writeRecord(out, finished.best());
            writeTest(out, finished.bestTest());
            out.writeBoolean(finished.success());
            out.writeLong(finished.iteration());
            out.writeLong(finished.nevals());
            out.writeDouble(finished.elapsedSeconds());
            out.writeDouble(finished.rBest());
            writeRecords(out, finished.paretoFront());
            writeRecords(out, finished.hallOfFame());
            out.writeInt(answers.size());
            for (var e : answers.entrySet()) {
                writeString(out, e.getKey());
                RecordedScorer.Answers a = e.getValue();
                writeTest(out, a.test());
                writeString(out, a.infix());
                writeString(out, a.latex());
                writeString(out, a.sympy());
                writeString(out, a.traversal());
                writeSymbolic(out, a.symbolic());
                writeCheck(out, a.check());
            }
            out.flush();
        });
    }

    /** Reads a file {@link #write} wrote; its scorer is a {@link RecordedScorer}. */
    public static PendingOutputs read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] format = in.readNBytes(FORMAT.length());
            if (!FORMAT.equals(new String(format, StandardCharsets.US_ASCII))) {
                throw new IOException(file + " is not a pending-outputs file of this version of dsr4j");
            }
            long seed = in.readLong();
            String benchmark = readString(in);
            boolean writePareto = in.readBoolean();
            long limitMillis = in.readLong();
            ProgramRecord best = readRecord(in);
            ProgramScorer.Test bestTest = readTest(in);
            boolean success = in.readBoolean();
            long iteration = in.readLong();
            long nevals = in.readLong();
            double elapsed = in.readDouble();
            double rBest = in.readDouble();
            List<ProgramRecord> pareto = readRecords(in);
            List<ProgramRecord> hof = readRecords(in);
            int n = in.readInt();
            Map<String, RecordedScorer.Answers> answers = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = readString(in);
                answers.put(key, new RecordedScorer.Answers(readTest(in), readString(in), readString(in), readString(in),
                        readString(in), readSymbolic(in), readCheck(in)));
            }
            FinishedSeed finished = new FinishedSeed(new RecordedScorer(answers), best, bestTest, success, iteration,
                    nevals, elapsed, rBest, pareto, hof);
            return new PendingOutputs(seed, benchmark, writePareto, limitMillis, finished);
        }
    }

    // Strings by length and UTF-8 bytes (writeUTF stops at 64 KB); -1 for null.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? null : new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) for (double d : v) out.writeDouble(d);
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = in.readDouble();
        return v;
    }

    private static void writeRecord(DataOutputStream out, ProgramRecord p) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) return;
        out.writeInt(p.traversal().length);
        for (int t : p.traversal()) out.writeInt(t);
        writeDoubles(out, p.constants());
        out.writeDouble(p.reward());
        out.writeDouble(p.complexity());
        out.writeBoolean(p.invalid());
    }

    private static ProgramRecord readRecord(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        int[] traversal = new int[in.readInt()];
        for (int i = 0; i < traversal.length; i++) traversal[i] = in.readInt();
        return new ProgramRecord(traversal, readDoubles(in), in.readDouble(), in.readDouble(), in.readBoolean());
    }

    private static void writeRecords(DataOutputStream out, List<ProgramRecord> ps) throws IOException {
        out.writeInt(ps.size());
        for (ProgramRecord p : ps) writeRecord(out, p);
    }

    private static List<ProgramRecord> readRecords(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<ProgramRecord> ps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) ps.add(readRecord(in));
        return ps;
    }

    private static void writeTest(DataOutputStream out, ProgramScorer.Test t) throws IOException {
        out.writeBoolean(t != null);
        if (t == null) return;
        out.writeDouble(t.nmseTest());
        out.writeDouble(t.nmseTestNoiseless());
        out.writeBoolean(t.success());
    }

    private static ProgramScorer.Test readTest(DataInputStream in) throws IOException {
        return in.readBoolean() ? new ProgramScorer.Test(in.readDouble(), in.readDouble(), in.readBoolean()) : null;
    }

    private static void writeSymbolic(DataOutputStream out, SymbolicProgram p) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) return;
        out.writeBoolean(p.protectedMode());
        out.writeInt(p.tokens().size());
        for (SymbolicProgram.Item item : p.tokens()) {
            writeString(out, item.name());
            out.writeInt(item.arity());
            out.writeDouble(item.value());
        }
    }

    private static SymbolicProgram readSymbolic(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        boolean protectedMode = in.readBoolean();
        int n = in.readInt();
        List<SymbolicProgram.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(new SymbolicProgram.Item(readString(in), in.readInt(), in.readDouble()));
        return new SymbolicProgram(items, protectedMode);
    }

    private static void writeCheck(DataOutputStream out, SymbolicMath.Check c) throws IOException {
        out.writeBoolean(c != null);
        if (c == null) return;
        out.writeInt(c.x().length);
        for (double[] column : c.x()) writeDoubles(out, column);
        writeDoubles(out, c.rawValues());
    }

    private static SymbolicMath.Check readCheck(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        double[][] x = new double[in.readInt()][];
        for (int i = 0; i < x.length; i++) x[i] = readDoubles(in);
        return new SymbolicMath.Check(x, readDoubles(in));
    }
}
