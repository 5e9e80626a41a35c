package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.data.BenchmarkExpression;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.programs.symbolic.Verdict;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * The main class of the child JVM that {@link SymjaChildProcess} starts: serves simplifications and symbolic
 * comparisons with an in-process {@link SymjaMath}, one request at a time, over stdin/stdout ({@link SymjaWire}).
 * Exits when stdin ends (its parent closed it or died) or on a malformed request. Its stdout carries frames only:
 * whatever a library prints goes to stderr. An answer to a call that reached its limit says whether a thread of this
 * process is still inside Symja or JAS code once {@link SymjaMath} has asked the computation to stop: the parent then
 * kills this process.
 */
public final class SymjaServer {

    /** Longest time Symja's one-time start-up may take before the child gives up. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private SymjaServer() { }

    public static void main(String[] args) {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        System.exit(serve(in, out));
    }

    /** @return the exit status: 0 at the end of the input, 2 on a malformed request or a broken pipe, 3 if Symja did not start */
    static int serve(DataInputStream in, DataOutputStream out) {
        try (SymjaMath math = new SymjaMath()) {
            if (!math.awaitStartup(STARTUP_LIMIT)) {
                System.err.println("dsr: Symja child process: Symja did not start");
                return 3;
            }
            // Simplify's rules are loaded on first use: load them before the parent starts timing requests.
            math.simplify(SymbolicProgram.parse("add,x1,x1", false), new Simplified.RawForms("", "", ""), null,
                    STARTUP_LIMIT);
            SymjaWire.writeFrame(out, SymjaWire.ready());
            while (true) {
                byte[] frame = SymjaWire.readFrame(in);
                if (frame == null) return 0;
                SymjaWire.writeFrame(out, answer(math, SymjaWire.readRequest(frame)));
            }
        } catch (IOException e) {
            System.err.println("dsr: Symja child process: " + e.getMessage());
            return 2;
        }
    }

    private static byte[] answer(SymjaMath math, SymjaWire.Request r) {
        Duration limit = Duration.ofMillis(r.limitMillis());
        if (r.kind() == SymjaWire.SIMPLIFY) {
            Simplified s = math.simplify(r.program(), r.raw(), r.check(), limit);
            return SymjaWire.simplifyAnswer(r.id(), s, s.status() == Simplified.Status.TIMEOUT && computing());
        }
        BenchmarkExpression target;
        try {
            target = BenchmarkExpression.parse(r.targetSource(), r.targetVariables());
        } catch (RuntimeException e) {
            return SymjaWire.recoversAnswer(r.id(), Verdict.UNKNOWN, false);
        }
        SymjaMath.TimedVerdict v = math.recoversTimed(target, r.program(), limit);
        return SymjaWire.recoversAnswer(r.id(), v.verdict(), v.timedOut() && computing());
    }

    /** Whether a thread other than this one is inside Symja or JAS code (an idle worker waits in its queue). */
    static boolean computing() {
        Thread self = Thread.currentThread();
        for (var e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() == self || !e.getKey().isAlive()) continue;
            for (StackTraceElement f : e.getValue()) {
                String c = f.getClassName();
                if (c.startsWith("org.matheclipse.") || c.startsWith("edu.jas.")) return true;
            }
        }
        return false;
    }
}
