package io.dsr4j.programs.symbolic;

import io.dsr4j.programs.data.BenchmarkExpression;

import java.time.Duration;

/**
 * Computer algebra for finished programs: simplification of what a run shows or saves, and symbolic recovery of a
 * known expression. Never on the training path. Every call has a time limit and never throws: a failure or a timeout
 * gives the raw forms ({@link Simplified#status()}) or {@link Verdict#UNKNOWN}. Thread-safe; calls are served one at a
 * time (by one worker thread, or one child process).
 */
public interface SymbolicMath extends AutoCloseable {

    /** Default time limit of one simplification or comparison. */
    Duration DEFAULT_LIMIT = Duration.ofSeconds(2);

    /**
     * Rows to check a simplified form on: input columns {@code x[var][row]} and the raw program's values there. The
     * simplified form is used only if it gives the same values (relative 1e-6) wherever the raw program is finite.
     */
    record Check(double[][] x, double[] rawValues) { }

    /**
     * Simplified infix, LaTeX and SymPy forms of {@code program}, or {@code raw} with the reason.
     *
     * @param check rows to verify the result on, or null to trust it unchecked
     */
    Simplified simplify(SymbolicProgram program, Simplified.RawForms raw, Check check, Duration limit);

    /**
     * Whether {@code model} is symbolically the {@code target}: their difference simplifies to 0, or, for a target
     * without numeric constants, their ratio simplifies to a nonzero constant (SRBench's definition). The model's
     * numbers are first replaced by the simplest rationals within a relative 1e-6 (so a fitted 3.3900000004 is 339/100)
     * and the target's decimals are read exactly.
     */
    Verdict recovers(BenchmarkExpression target, SymbolicProgram model, Duration limit);

    /**
     * Starts now what the next call would otherwise start (a child process), so that a caller that budgets the time
     * its calls take can leave that start-up out. Never throws; this default does nothing.
     */
    default void prepare() { }

    /** Stops the worker thread or child process (pending calls then answer raw / unknown). */
    @Override
    void close();

    /** Symja in this JVM when it is on the class path, else {@link #unavailable()}. */
    static SymbolicMath create() {
        return symjaOnClassPath() ? new io.dsr4j.programs.symbolic.symja.SymjaMath() : unavailable();
    }

    /**
     * Symja in a child JVM when it is on the class path, else {@link #unavailable()}: for processes that run many runs
     * (grids), since a computation past its limit can be stopped only by killing its process (see {@link
     * io.dsr4j.programs.symbolic.symja.SymjaChildProcess}). Same answers as {@link #create()}; falls back to it when no
     * child can be started.
     */
    static SymbolicMath createInChildProcess() {
        return symjaOnClassPath() ? new io.dsr4j.programs.symbolic.symja.SymjaChildProcess() : unavailable();
    }

    private static boolean symjaOnClassPath() {
        try {
            Class.forName("org.matheclipse.core.eval.ExprEvaluator", false, SymbolicMath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Raw forms and unknown verdicts only. */
    static SymbolicMath unavailable() {
        return rawOnly(Simplified.Status.UNAVAILABLE);
    }

    /**
     * Raw forms with status {@link Simplified.Status#PENDING} and unknown verdicts: the outputs a training process
     * writes when a second process simplifies them.
     */
    static SymbolicMath pending() {
        return rawOnly(Simplified.Status.PENDING);
    }

    private static SymbolicMath rawOnly(Simplified.Status status) {
        return new SymbolicMath() {
            @Override
            public Simplified simplify(SymbolicProgram program, Simplified.RawForms raw, Check check, Duration limit) {
                return Simplified.raw(raw, status);
            }

            @Override
            public Verdict recovers(BenchmarkExpression target, SymbolicProgram model, Duration limit) {
                return Verdict.UNKNOWN;
            }

            @Override
            public void close() { }
        };
    }
}
