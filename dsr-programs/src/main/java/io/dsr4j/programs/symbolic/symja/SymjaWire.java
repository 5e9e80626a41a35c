package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.programs.symbolic.Verdict;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages between {@link SymjaChildProcess} and {@link SymjaServer} over the child's stdin/stdout: frames of a
 * 4-byte length and that many bytes, read with {@link DataInputStream} (doubles travel as their exact bits, strings as
 * length-prefixed UTF-8). The child's first frame is {@link #READY}; then each request frame gets one answer frame
 * that repeats its id. Anything else is garbage ({@link IOException}).
 */
final class SymjaWire {

    /** The child's first frame: Symja has loaded and requests can be timed from now on. */
    static final String READY = "dsr4j-symja-ready 1";
    /** Largest frame either side accepts (a check's data rows are the largest part: kilobytes). */
    static final int MAX_FRAME = 64 << 20;

    static final byte SIMPLIFY = 'S';
    static final byte RECOVERS = 'R';

    private SymjaWire() { }

    /** A decoded request. {@code check} is null for recovers and when unchecked; {@code target} null for simplify. */
    record Request(long id, byte kind, long limitMillis, SymbolicProgram program, Simplified.RawForms raw,
                   SymbolicMath.Check check, String targetSource, int targetVariables) { }

    /**
     * A decoded answer: {@code simplified} for simplify, else {@code verdict}; {@code stillComputing}: the call reached
     * its limit and the child could not stop the computation (it must be killed).
     */
    record Answer(long id, Simplified simplified, Verdict verdict, boolean stillComputing) { }

    static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** The next frame's bytes, or null at end of stream before a frame starts. */
    static byte[] readFrame(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) throw new IOException("frame length " + length);
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    static byte[] ready() {
        return READY.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean isReady(byte[] frame) {
        return frame != null && READY.equals(new String(frame, StandardCharsets.US_ASCII));
    }

    static byte[] simplifyRequest(long id, SymbolicProgram p, Simplified.RawForms raw, SymbolicMath.Check check,
                                  long limitMillis) {
        return encode(out -> {
            header(out, id, SIMPLIFY, limitMillis);
            writeProgram(out, p);
            writeString(out, raw.infix());
            writeString(out, raw.latex());
            writeString(out, raw.sympy());
            out.writeBoolean(check != null);
            if (check != null) {
                out.writeInt(check.x().length);
                for (double[] column : check.x()) writeDoubles(out, column);
                writeDoubles(out, check.rawValues());
            }
        });
    }

    static byte[] recoversRequest(long id, String targetSource, int targetVariables, SymbolicProgram model,
                                  long limitMillis) {
        return encode(out -> {
            header(out, id, RECOVERS, limitMillis);
            writeString(out, targetSource);
            out.writeInt(targetVariables);
            writeProgram(out, model);
        });
    }

    static Request readRequest(byte[] frame) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
        long id = in.readLong();
        byte kind = in.readByte();
        long limit = in.readLong();
        Request r;
        if (kind == SIMPLIFY) {
            SymbolicProgram p = readProgram(in);
            Simplified.RawForms raw = new Simplified.RawForms(readString(in), readString(in), readString(in));
            SymbolicMath.Check check = null;
            if (in.readBoolean()) {
                int vars = count(in);
                double[][] x = new double[vars][];
                for (int v = 0; v < vars; v++) x[v] = readDoubles(in);
                check = new SymbolicMath.Check(x, readDoubles(in));
            }
            r = new Request(id, kind, limit, p, raw, check, null, 0);
        } else if (kind == RECOVERS) {
            String source = readString(in);
            int vars = in.readInt();
            r = new Request(id, kind, limit, readProgram(in), null, null, source, vars);
        } else {
            throw new IOException("unknown request kind " + kind);
        }
        if (in.available() != 0) throw new IOException("trailing bytes in a request");
        return r;
    }

    static byte[] simplifyAnswer(long id, Simplified s, boolean stillComputing) {
        return encode(out -> {
            out.writeLong(id);
            out.writeByte(SIMPLIFY);
            writeString(out, s.infix());
            writeString(out, s.latex());
            writeString(out, s.sympy());
            writeString(out, s.status().name());
            out.writeBoolean(stillComputing);
        });
    }

    static byte[] recoversAnswer(long id, Verdict v, boolean stillComputing) {
        return encode(out -> {
            out.writeLong(id);
            out.writeByte(RECOVERS);
            writeString(out, v.name());
            out.writeBoolean(stillComputing);
        });
    }

    /** @throws IOException when the frame is not a well-formed answer of {@code kind} */
    static Answer readAnswer(byte[] frame, byte kind) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
        long id = in.readLong();
        if (in.readByte() != kind) throw new IOException("answer of another kind");
        Answer a;
        try {
            if (kind == SIMPLIFY) {
                String infix = readString(in), latex = readString(in), sympy = readString(in);
                Simplified.Status status = Simplified.Status.valueOf(readString(in));
                a = new Answer(id, new Simplified(infix, latex, sympy, status), null, in.readBoolean());
            } else {
                a = new Answer(id, null, Verdict.valueOf(readString(in)), in.readBoolean());
            }
        } catch (IllegalArgumentException unknownName) {
            throw new IOException("unknown status or verdict", unknownName);
        }
        if (in.available() != 0) throw new IOException("trailing bytes in an answer");
        return a;
    }

    private static void header(DataOutputStream out, long id, byte kind, long limitMillis) throws IOException {
        out.writeLong(id);
        out.writeByte(kind);
        out.writeLong(limitMillis);
    }

    private static void writeProgram(DataOutputStream out, SymbolicProgram p) throws IOException {
        out.writeBoolean(p.protectedMode());
        out.writeInt(p.tokens().size());
        for (SymbolicProgram.Item t : p.tokens()) {
            writeString(out, t.name());
            out.writeInt(t.arity());
            out.writeDouble(t.value());
        }
    }

    private static SymbolicProgram readProgram(DataInputStream in) throws IOException {
        boolean protectedMode = in.readBoolean();
        int n = count(in);
        List<SymbolicProgram.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(new SymbolicProgram.Item(readString(in), in.readInt(), in.readDouble()));
        return new SymbolicProgram(items, protectedMode);
    }

    private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) out.writeDouble(d);
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] v = new double[count(in)];
        for (int i = 0; i < v.length; i++) v[i] = in.readDouble();
        return v;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A length read from the stream, checked against what the frame can hold. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("count " + n + " beyond the frame");
        return n;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            w.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // cannot happen: writes to memory
        }
        return bytes.toByteArray();
    }
}
