package io.dsr4j.train;

import io.dsr4j.programs.data.BenchmarkExpression;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.Verdict;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Simplified forms and symbolic recovery of the programs one run shows or saves (best, Pareto front, hall of fame),
 * each simplified once. A run spends at most {@link #budget} on them; past it the raw forms are kept (status
 * {@code timeout}), so a pathological hall of fame cannot hold a run's end for minutes.
 */
public final class ExpressionSimplifier {

    private final ProgramScorer scorer;
    private final SymbolicMath math;
    private final boolean enabled;
    private final Duration limit;
    private final long budgetNanos;
    private long spentNanos;
    private final Map<String, Simplified> done = new HashMap<>();

    /**
     * @param math    the computer algebra to use (shared by the runs of a JVM)
     * @param enabled false: raw forms with status {@code off}
     * @param limit   time limit of one simplification or comparison
     */
    public ExpressionSimplifier(ProgramScorer scorer, SymbolicMath math, boolean enabled, Duration limit) {
        this.scorer = scorer;
        this.math = math;
        this.enabled = enabled;
        this.limit = limit;
        this.budgetNanos = budget(limit).toNanos();
    }

    /** Time a run may spend simplifying: 30 s, or 10 limits if that is more. */
    public static Duration budget(Duration limit) {
        Duration ten = limit.multipliedBy(10);
        return ten.compareTo(Duration.ofSeconds(30)) > 0 ? ten : Duration.ofSeconds(30);
    }

    /** The raw printer's forms. */
    public Simplified.RawForms raw(ProgramRecord p) {
        return new Simplified.RawForms(scorer.infix(p.traversal(), p.constants()), scorer.latex(p.traversal(), p.constants()),
                scorer.sympy(p.traversal(), p.constants()));
    }

    public synchronized Simplified simplify(ProgramRecord p) {
        // with the constants: a poly program's traversal string names the token, not its coefficients
        String key = scorer.traversalString(p.traversal(), p.constants()) + Arrays.toString(p.constants());
        Simplified s = done.get(key);
        if (s != null) return s;
        Simplified.RawForms raw = raw(p);
        if (!enabled) {
            s = Simplified.raw(raw, Simplified.Status.OFF);
        } else if (spentNanos >= budgetNanos) {
            s = Simplified.raw(raw, Simplified.Status.TIMEOUT);
        } else {
            math.prepare(); // a child process's start-up is not simplification time
            long t0 = System.nanoTime();
            s = math.simplify(scorer.symbolic(p.traversal(), p.constants()), raw,
                    scorer.check(p.traversal(), p.constants()), limit);
            spentNanos += System.nanoTime() - t0;
        }
        done.put(key, s);
        return s;
    }

    /**
     * Whether {@code p} is symbolically the expression of the benchmark {@code dataset} names; {@link Verdict#UNKNOWN}
     * for data without a known expression (CSV files), when switched off or undecided in time.
     */
    public Verdict recovers(String dataset, ProgramRecord p) {
        if (!enabled || p == null || !BenchmarkRegistry.get().contains(dataset)) return Verdict.UNKNOWN;
        var b = BenchmarkRegistry.get().get(dataset);
        return math.recovers(BenchmarkExpression.parse(b.expression(), b.variableCount()),
                scorer.symbolic(p.traversal(), p.constants()), limit);
    }
}
