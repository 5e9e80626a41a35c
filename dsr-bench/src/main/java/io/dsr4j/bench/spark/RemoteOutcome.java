package io.dsr4j.bench.spark;

import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.Verdict;
import io.dsr4j.train.run.RunResult;

import java.io.Serializable;
import java.util.Map;

/**
 * What a Spark task sends back: the run's result (or its failure, as text) and every file it wrote in its run folder
 * (path relative to that folder → content), for the driver to write where the thread executor would have.
 */
record RemoteOutcome(int index, Result result, String failure, String failureTrace, Map<String, byte[]> files)
        implements Serializable {

    static RemoteOutcome succeeded(int index, RunResult r, Map<String, byte[]> files) {
        return new RemoteOutcome(index, Result.of(r), null, null, files);
    }

    static RemoteOutcome failed(int index, String description, String trace, Map<String, byte[]> files) {
        return new RemoteOutcome(index, null, description, trace, files);
    }

    boolean ok() {
        return result != null;
    }

    /** {@link RunResult}'s fields (it is not serializable itself). */
    record Result(long seed, String benchmark, boolean success, long iterations, long nSamples, double seconds,
                  double rBest, double nmseTest, double nmseTestNoiseless, String expression, String traversal,
                  double complexity, String symbolicSuccess, String simplifiedInfix, String simplifiedLatex,
                  String simplifiedSympy, String simplifyStatus) implements Serializable {

        static Result of(RunResult r) {
            Simplified s = r.simplified();
            return new Result(r.seed(), r.benchmark(), r.success(), r.iterations(), r.nSamples(), r.seconds(), r.rBest(),
                    r.nmseTest(), r.nmseTestNoiseless(), r.expression(), r.traversal(), r.complexity(),
                    r.symbolicSuccess().cell(), s.infix(), s.latex(), s.sympy(), s.status().name());
        }

        RunResult toRunResult() {
            return new RunResult(seed, benchmark, success, iterations, nSamples, seconds, rBest, nmseTest,
                    nmseTestNoiseless, expression, traversal, complexity, new Simplified(simplifiedInfix, simplifiedLatex,
                    simplifiedSympy, Simplified.Status.valueOf(simplifyStatus)), Verdict.ofCell(symbolicSuccess));
        }
    }
}
