package io.dsr4j.train.run;

import io.dsr4j.programs.data.QuotedCsv;
import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.Verdict;
import io.dsr4j.train.ExpressionSimplifier;
import io.dsr4j.train.ProgramRecord;
import io.dsr4j.train.ProgramScorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * End-of-run files of one seed: hall of fame and Pareto front (with test metrics) and the final result, plus the
 * {@link RunResult} row for {@code summary.csv}. Every expression is written raw (as found) and simplified; the best
 * is simplified first, then the Pareto front, then the hall of fame (see {@link ExpressionSimplifier}'s time budget).
 */
public final class RunOutputs {

    /** Columns after the raw ones in hof.csv and pareto.csv. */
    static final String SIMPLIFIED_COLUMNS = "simplified,simplified_latex,simplified_sympy,simplify_status";

    private RunOutputs() { }

    public static RunResult finish(FinishedSeed t, Path seedDir, long seed, String benchmark, boolean writePareto,
                                   ExpressionSimplifier simplifier) throws IOException {
        ProgramScorer sc = t.scorer();
        ProgramRecord best = t.best();
        Simplified bestSimplified = best == null ? null : simplifier.simplify(best);
        Verdict symbolic = simplifier.recovers(benchmark, best);
        if (writePareto) {
            StringBuilder pf = new StringBuilder("complexity,r,nmse_test,nmse_test_noiseless,success,expression,traversal,"
                    + SIMPLIFIED_COLUMNS + "\n");
            for (ProgramRecord p : t.paretoFront()) {
                ProgramScorer.Test test = sc.test(p.traversal(), p.constants());
                Simplified s = simplifier.simplify(p);
                pf.append(QuotedCsv.row(p.complexity(), p.reward(), test.nmseTest(), test.nmseTestNoiseless(),
                        test.success(), sc.infix(p.traversal(), p.constants()),
                        sc.traversalString(p.traversal(), p.constants()), s.infix(), s.latex(), s.sympy(),
                        s.status().yamlName())).append('\n');
            }
            AtomicFiles.write(seedDir.resolve("pareto.csv"), pf.toString());
        }
        StringBuilder hof = new StringBuilder("rank,r,complexity,nmse_test,nmse_test_noiseless,success,expression,traversal,"
                + SIMPLIFIED_COLUMNS + "\n");
        List<ProgramRecord> programs = t.hallOfFame();
        for (int i = 0; i < programs.size(); i++) {
            ProgramRecord p = programs.get(i);
            ProgramScorer.Test test = sc.test(p.traversal(), p.constants());
            Simplified s = simplifier.simplify(p);
            hof.append(QuotedCsv.row(i + 1, p.reward(), p.complexity(), test.nmseTest(), test.nmseTestNoiseless(),
                    test.success(), sc.infix(p.traversal(), p.constants()),
                    sc.traversalString(p.traversal(), p.constants()), s.infix(), s.latex(), s.sympy(),
                    s.status().yamlName())).append('\n');
        }
        AtomicFiles.write(seedDir.resolve("hof.csv"), hof.toString());
        ProgramScorer.Test test = t.bestTest();
        RunResult r = new RunResult(seed, benchmark, t.success(), t.iteration(), t.nevals(), t.elapsedSeconds(),
                t.rBest(), test == null ? Double.NaN : test.nmseTest(),
                test == null ? Double.NaN : test.nmseTestNoiseless(),
                best == null ? "" : sc.infix(best.traversal(), best.constants()),
                best == null ? "" : sc.traversalString(best.traversal(), best.constants()),
                best == null ? Double.NaN : best.complexity(), bestSimplified, symbolic);
        Simplified s = r.simplified();
        String result = String.format(Locale.ROOT, """
                seed: %d
                benchmark: %s
                success: %s
                symbolic_success: %s
                iterations: %d
                n_samples: %d
                seconds: %.3f
                r_best: %s
                nmse_test: %s
                nmse_test_noiseless: %s
                complexity: %s
                expression: "%s"
                latex: "%s"
                sympy: "%s"
                traversal: "%s"
                simplified: "%s"
                simplified_latex: "%s"
                simplified_sympy: "%s"
                simplify_status: %s
                """, seed, benchmark, r.success(), symbolic == Verdict.UNKNOWN ? "null" : symbolic.cell(),
                r.iterations(), r.nSamples(), r.seconds(), r.rBest(),
                r.nmseTest(), r.nmseTestNoiseless(), r.complexity(), esc(r.expression()),
                best == null ? "" : esc(sc.latex(best.traversal(), best.constants())),
                best == null ? "" : esc(sc.sympy(best.traversal(), best.constants())), esc(r.traversal()),
                esc(s.infix()), esc(s.latex()), esc(s.sympy()), s.status().yamlName());
        AtomicFiles.write(seedDir.resolve("result.yaml"), result);
        return r;
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
