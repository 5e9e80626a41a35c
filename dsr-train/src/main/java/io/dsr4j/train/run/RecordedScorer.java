package io.dsr4j.train.run;

import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.train.ProgramRecord;
import io.dsr4j.train.ProgramScorer;

import java.util.Arrays;
import java.util.Map;

/**
 * A finished seed's scorer as its end-of-run outputs use it, recorded for the programs they show (best, Pareto front,
 * hall of fame): tests, printed forms, the symbolic program and its check rows. Lets a second process write those
 * outputs ({@link PendingOutputs}) without the data, library or plugins. Scoring new programs is not possible.
 */
final class RecordedScorer implements ProgramScorer {

    /** What the outputs ask the scorer about one program; {@code check} may be null. */
    record Answers(Test test, String infix, String latex, String sympy, String traversal, SymbolicProgram symbolic,
                   SymbolicMath.Check check) {

        static Answers of(ProgramScorer sc, ProgramRecord p) {
            int[] t = p.traversal();
            double[] c = p.constants();
            return new Answers(sc.test(t, c), sc.infix(t, c), sc.latex(t, c), sc.sympy(t, c), sc.traversalString(t, c),
                    sc.symbolic(t, c), sc.check(t, c));
        }
    }

    private final Map<String, Answers> answers;

    /** @param answers by {@link #key} */
    RecordedScorer(Map<String, Answers> answers) {
        this.answers = Map.copyOf(answers);
    }

    static String key(int[] traversal, double[] constants) {
        return Arrays.toString(traversal) + Arrays.toString(constants);
    }

    Map<String, Answers> answers() { return answers; }

    private Answers of(int[] traversal, double[] constants) {
        Answers a = answers.get(key(traversal, constants));
        if (a == null) throw new IllegalArgumentException("no recorded answers for program " + key(traversal, constants));
        return a;
    }

    @Override public Test test(int[] traversal, double[] constants) { return of(traversal, constants).test(); }
    @Override public String infix(int[] traversal, double[] constants) { return of(traversal, constants).infix(); }
    @Override public String latex(int[] traversal, double[] constants) { return of(traversal, constants).latex(); }
    @Override public String sympy(int[] traversal, double[] constants) { return of(traversal, constants).sympy(); }

    @Override
    public String traversalString(int[] traversal, double[] constants) { return of(traversal, constants).traversal(); }

    @Override
    public SymbolicProgram symbolic(int[] traversal, double[] constants) { return of(traversal, constants).symbolic(); }

    @Override
    public SymbolicMath.Check check(int[] traversal, double[] constants) { return of(traversal, constants).check(); }

    @Override
    public Score score(int[] traversal, int worker) {
        throw new UnsupportedOperationException("a recorded scorer answers only for the programs it recorded");
    }

    @Override
    public double complexity(int[] traversal) {
        throw new UnsupportedOperationException("a recorded scorer answers only for the programs it recorded");
    }

    @Override
    public int[] finish(int[] tokens, Rng rng) {
        throw new UnsupportedOperationException("a recorded scorer answers only for the programs it recorded");
    }
}
