package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.data.BenchmarkExpression;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.programs.symbolic.Verdict;
import edu.jas.kern.PreemptStatus;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@link SymbolicMath} on Symja (matheclipse-core). One daemon worker thread owns a Symja engine (Symja keeps its
 * engine per thread); calls wait for it. Symja's one-time start-up (1-3 s, its symbol tables) begins in the background
 * when this is created and does not count against the first call's limit. On a timeout the engine is asked to stop and
 * the worker is interrupted (which stops JAS's polynomial arithmetic); a worker that does not stop within a second is
 * abandoned and replaced. An idle worker ends after 30 s (a new one starts
 * with the next call, in milliseconds once Symja is loaded), so instances that are never closed leak no thread.
 */
public final class SymjaMath implements SymbolicMath {

    /** Relative tolerance of the check of a simplified form against the raw program's values. */
    static final double CHECK_TOLERANCE = 1e-6;
    /** Longest time Symja's one-time start-up may take. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final Object lock = new Object();
    private final ThreadLocal<Session> sessions = ThreadLocal.withInitial(Session::new);
    private ThreadPoolExecutor worker;     // guarded by lock
    private Future<?> startup;             // guarded by lock
    private boolean closed;                // guarded by lock

    /** Symja's evaluator and engine, confined to the worker thread. */
    private static final class Session {
        final ExprEvaluator evaluator;
        final EvalEngine engine;

        Session() {
            // Symja starts a background thread that loads its integration rules unless told not to; simplification
            // never integrates, and the thread would keep ~60 MB and the JVM alive. A Symja-wide setting.
            Config.JAS_NO_THREADS = true;
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            engine = new EvalEngine("dsr4j", 256, nowhere, true);
            engine.setQuietMode(true);
            engine.setErrorPrintStream(nowhere);
            EvalEngine.set(engine);
            evaluator = new ExprEvaluator(engine, false, (short) 100);
            // Symja's start-up tells JAS never to check for interrupts, so polynomial arithmetic (Together, Factor,
            // GCDs) ran on for minutes past a timeout on an abandoned worker, taking a core from every later run of
            // a grid. With checks allowed, JAS polynomials of rings created from now on throw PreemptingException
            // once the worker is interrupted. A JAS-wide setting, like JAS_NO_THREADS.
            PreemptStatus.setAllow();
        }

        IExpr eval(IExpr e) {
            return evaluator.eval(e);
        }
    }

    public SymjaMath() {
        start();
    }

    private void start() {
        worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "dsr4j-symja");
            t.setDaemon(true);
            return t;
        });
        worker.allowCoreThreadTimeOut(true);
        startup = worker.submit(sessions::get);
    }

    @Override
    public Simplified simplify(SymbolicProgram program, Simplified.RawForms raw, Check check, Duration limit) {
        List<IExpr> translated = new ArrayList<>(2);
        try {
            translated.add(SymjaTranslator.program(program, true, false));
            // Symja keeps log(exp(u)) (it does not know u is real): offer the program without it as well. With the
            // protected log that is exact only where u > ln 0.001, so only when the values are checked.
            SymbolicProgram withoutLogOfExp = program.withoutLogOfExp();
            if (withoutLogOfExp != program && (check != null || !program.protectedMode())) {
                translated.add(SymjaTranslator.program(withoutLogOfExp, true, false));
            }
        } catch (SymjaTranslator.UnsupportedToken e) {
            return Simplified.raw(raw, Simplified.Status.UNSUPPORTED);
        } catch (RuntimeException | LinkageError e) {
            return Simplified.raw(raw, Simplified.Status.FAILED);
        }
        Result<Simplified> r = call(s -> simplifyOn(s, translated, raw, check), limit);
        return switch (r.outcome) {
            case DONE -> r.value;
            case TIMEOUT -> Simplified.raw(raw, Simplified.Status.TIMEOUT);
            case FAILED -> Simplified.raw(raw, Simplified.Status.FAILED);
        };
    }

    private static Simplified simplifyOn(Session s, List<IExpr> inputs, Simplified.RawForms raw, Check check) {
        // Candidates, preferred first on equal size: expanded simplified form, simplified form, the evaluated input,
        // of each input in turn.
        List<IExpr> candidates = new ArrayList<>();
        for (IExpr e : inputs) {
            IExpr evaluated = s.eval(e);
            IExpr simplified = s.eval(F.Simplify(evaluated));
            IExpr expanded = s.eval(F.Expand(simplified));
            candidates.addAll(List.of(expanded, simplified, evaluated));
        }
        candidates.sort(Comparator.comparingLong(IExpr::leafCount)); // stable: ties keep the preference order
        boolean rejected = false;
        for (IExpr c : candidates) {
            if (check != null && !agrees(c, check)) {
                rejected = true;
                continue;
            }
            try {
                return new Simplified(new SymjaPrinter(SymjaPrinter.Style.INFIX).print(c),
                        new SymjaPrinter(SymjaPrinter.Style.LATEX).print(c),
                        new SymjaPrinter(SymjaPrinter.Style.SYMPY).print(c), Simplified.Status.SIMPLIFIED);
            } catch (IllegalArgumentException unprintable) {
                // try the next candidate
            }
        }
        return Simplified.raw(raw, rejected ? Simplified.Status.REJECTED : Simplified.Status.FAILED);
    }

    /** Same values as the raw program (relative {@link #CHECK_TOLERANCE}) wherever the raw program is finite. */
    static boolean agrees(IExpr c, Check check) {
        double[] raw = check.rawValues();
        double scale = 0;
        int finite = 0;
        for (double v : raw) {
            if (Double.isFinite(v)) {
                scale += v * v;
                finite++;
            }
        }
        scale = finite == 0 ? 0 : Math.sqrt(scale / finite);
        try {
            for (int row = 0; row < raw.length; row++) {
                if (!Double.isFinite(raw[row])) continue;
                double v = SymjaEvaluator.eval(c, check.x(), row);
                if (!(Math.abs(v - raw[row]) <= CHECK_TOLERANCE * (Math.abs(raw[row]) + scale) + 1e-300)) return false;
            }
            return true;
        } catch (IllegalArgumentException unknownHead) {
            return false;
        }
    }

    @Override
    public Verdict recovers(BenchmarkExpression target, SymbolicProgram model, Duration limit) {
        return recoversTimed(target, model, limit).verdict();
    }

    /** A verdict, and whether it is {@link Verdict#UNKNOWN} because the limit was reached. */
    record TimedVerdict(Verdict verdict, boolean timedOut) { }

    /** {@link #recovers}, telling a timeout from other unknowns (a child process reports it: see {@link SymjaServer}). */
    TimedVerdict recoversTimed(BenchmarkExpression target, SymbolicProgram model, Duration limit) {
        IExpr t, m;
        boolean constantFree;
        try {
            t = SymjaTranslator.target(target);
            // The model as printed: protected operators read as their plain formulas (see SymjaTranslator).
            m = SymjaTranslator.program(model, false, true);
            constantFree = SymjaTranslator.constantFree(target);
        } catch (RuntimeException | LinkageError e) {
            return new TimedVerdict(Verdict.UNKNOWN, false);
        }
        Result<Verdict> r = call(s -> {
            // Necessary condition first, deterministic and fast: equal (or proportional) values at sample points.
            // Most models fail it and are answered without algebra, whatever the machine's load.
            if (!SymjaEvaluator.mayBeEqual(t, m, constantFree)) return Verdict.NO;
            // log(exp(u)) = u for real u (every model is real-valued), which Symja keeps without that assumption:
            // a Livermore-19 model with log(exp(...)) inside was a numeric success but a symbolic miss.
            IExpr diff = F.Subtract(t, s.eval(F.ReplaceRepeated(m, F.RuleDelayed(F.Log(F.Exp(F.u_)), F.u))));
            if (s.eval(F.Simplify(diff)).isZero()) return Verdict.YES;
            if (s.eval(F.Simplify(F.ExpandAll(diff))).isZero()) return Verdict.YES;
            // Sums of logarithms: Simplify does not combine log(x+1) + log(x^2+1) with log(x^3+x^2+x+1) (Nguyen-7),
            // since log(ab) = log(a) + log(b) needs a, b > 0. Factor each log's argument and expand the logs; the
            // positivity this assumes is checked by the numeric pre-check above, which the pair has already passed.
            if (diff.has(F.Log)) {
                IExpr logsExpanded = F.PowerExpand(F.ReplaceAll(diff, F.RuleDelayed(F.Log(F.u_), F.Log(F.Factor(F.Together(F.u))))));
                if (s.eval(F.Simplify(logsExpanded)).isZero()) return Verdict.YES;
            }
            if (constantFree) {
                IExpr ratio = s.eval(F.Simplify(F.Divide(m, t)));
                if (ratio.isNumber() && !ratio.isZero()) return Verdict.YES;
            }
            return Verdict.NO;
        }, limit);
        return new TimedVerdict(r.outcome == Outcome.DONE ? r.value : Verdict.UNKNOWN, r.outcome == Outcome.TIMEOUT);
    }

    /** Waits for Symja's one-time start-up; false if it failed or took longer than {@code limit}. */
    boolean awaitStartup(Duration limit) {
        Future<?> s;
        synchronized (lock) {
            s = startup;
        }
        try {
            s.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private enum Outcome { DONE, TIMEOUT, FAILED }

    private record Result<T>(Outcome outcome, T value) { }

    /** Runs {@code task} on the worker with the engine's stop flag as the time limit; serialised. */
    private <T> Result<T> call(Function<Session, T> task, Duration limit) {
        synchronized (lock) {
            if (closed) return new Result<>(Outcome.FAILED, null);
            try {
                startup.get(STARTUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result<>(Outcome.FAILED, null);
            } catch (ExecutionException | TimeoutException e) {
                return new Result<>(Outcome.FAILED, null);
            }
            CountDownLatch finished = new CountDownLatch(1);
            AtomicReference<Session> running = new AtomicReference<>();
            Future<T> f = worker.submit(() -> {
                try {
                    Session s = sessions.get();
                    s.engine.setStopRequested(false);
                    running.set(s);
                    return task.apply(s);
                } finally {
                    finished.countDown();
                }
            });
            try {
                return new Result<>(Outcome.DONE, f.get(limit.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                stop(running.get());
                f.cancel(true); // interrupts the worker: JAS stops at its next polynomial (see Session)
                try {
                    if (!finished.await(1, TimeUnit.SECONDS)) restart();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                return new Result<>(Outcome.TIMEOUT, null);
            } catch (InterruptedException e) {
                stop(running.get());
                Thread.currentThread().interrupt();
                return new Result<>(Outcome.FAILED, null);
            } catch (ExecutionException | RuntimeException e) {
                return new Result<>(Outcome.FAILED, null);
            }
        }
    }

    private static void stop(Session s) {
        if (s != null) s.engine.stopRequest();
    }

    /** Abandons a worker stuck in Symja (it is a daemon thread) and starts a fresh one. */
    private void restart() {
        worker.shutdownNow();
        start();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            worker.shutdownNow();
        }
    }
}
