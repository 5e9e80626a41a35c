package io.dsr4j.train.run;

import io.dsr4j.programs.data.QuotedCsv;

import io.dsr4j.train.ProgramRecord;
import io.dsr4j.train.ProgramScorer;
import io.dsr4j.train.Trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * End-of-run files of one seed: hall of fame and Pareto front (with test metrics) and the final result, plus the
 * {@link RunResult} row for {@code summary.csv}.
 */
public final class RunOutputs {

    private RunOutputs() { }

    public static RunResult finish(Trainer t, Path seedDir, long seed, String benchmark, boolean writePareto)
            throws IOException {
        ProgramScorer sc = t.scorer();
        StringBuilder hof = new StringBuilder("rank,r,complexity,nmse_test,nmse_test_noiseless,success,expression,traversal\n");
        List<ProgramRecord> programs = t.hallOfFame().programs();
        for (int i = 0; i < programs.size(); i++) {
            ProgramRecord p = programs.get(i);
            ProgramScorer.Test test = sc.test(p.traversal(), p.constants());
            hof.append(QuotedCsv.row(i + 1, p.reward(), p.complexity(), test.nmseTest(), test.nmseTestNoiseless(),
                    test.success(), sc.infix(p.traversal(), p.constants()),
                    sc.traversalString(p.traversal(), p.constants()))).append('\n');
        }
        AtomicFiles.write(seedDir.resolve("hof.csv"), hof.toString());
        if (writePareto) {
            StringBuilder pf = new StringBuilder("complexity,r,nmse_test,nmse_test_noiseless,success,expression,traversal\n");
            for (ProgramRecord p : t.paretoFront().front()) {
                ProgramScorer.Test test = sc.test(p.traversal(), p.constants());
                pf.append(QuotedCsv.row(p.complexity(), p.reward(), test.nmseTest(), test.nmseTestNoiseless(),
                        test.success(), sc.infix(p.traversal(), p.constants()),
                        sc.traversalString(p.traversal(), p.constants()))).append('\n');
            }
            AtomicFiles.write(seedDir.resolve("pareto.csv"), pf.toString());
        }
        ProgramRecord best = t.best();
        ProgramScorer.Test test = t.bestTest();
        RunResult r = new RunResult(seed, benchmark, t.success(), t.iteration(), t.nevals(), t.elapsedSeconds(),
                t.rBest(), test == null ? Double.NaN : test.nmseTest(),
                test == null ? Double.NaN : test.nmseTestNoiseless(),
                best == null ? "" : sc.infix(best.traversal(), best.constants()),
                best == null ? "" : sc.traversalString(best.traversal(), best.constants()),
                best == null ? Double.NaN : best.complexity());
        String result = String.format(Locale.ROOT, """
                seed: %d
                benchmark: %s
                success: %s
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
                """, seed, benchmark, r.success(), r.iterations(), r.nSamples(), r.seconds(), r.rBest(),
                r.nmseTest(), r.nmseTestNoiseless(), r.complexity(), esc(r.expression()),
                best == null ? "" : esc(sc.latex(best.traversal(), best.constants())),
                best == null ? "" : esc(sc.sympy(best.traversal(), best.constants())), esc(r.traversal()));
        AtomicFiles.write(seedDir.resolve("result.yaml"), result);
        return r;
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
