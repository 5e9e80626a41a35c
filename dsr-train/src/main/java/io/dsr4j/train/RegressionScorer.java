package io.dsr4j.train;

import io.dsr4j.api.reward.ComplexityMeasure;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.programs.eval.CompiledProgram;
import io.dsr4j.programs.eval.Programs;
import io.dsr4j.programs.symbolic.SymbolicMath;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import io.dsr4j.programs.eval.Workspace;
import io.dsr4j.programs.poly.PolyFitter;
import io.dsr4j.programs.print.ExpressionPrinter;
import io.dsr4j.programs.task.Evaluation;
import io.dsr4j.programs.task.RegressionTask;
import io.dsr4j.programs.task.TestResult;

/** {@link ProgramScorer} over a {@link RegressionTask}, with one evaluation workspace per worker thread. */
final class RegressionScorer implements ProgramScorer {

    private final RegressionTask task;
    private final Library library;
    private final ComplexityMeasure complexity;
    private final Workspace[] workspaces;
    private final Workspace testWorkspace;
    private final ExpressionPrinter printer;

    RegressionScorer(RegressionTask task, Library library, ComplexityMeasure complexity, int workers) {
        this.task = task;
        this.library = library;
        this.complexity = complexity;
        this.workspaces = new Workspace[Math.max(1, workers)];
        for (int i = 0; i < workspaces.length; i++) workspaces[i] = task.newWorkspace();
        this.testWorkspace = task.newWorkspace();
        this.printer = new ExpressionPrinter(library);
    }

    @Override
    public Score score(int[] traversal, int worker) {
        Evaluation e = task.score(traversal, workspaces[worker]);
        return new Score(e.reward(), e.invalid(), e.constants());
    }

    @Override
    public synchronized Test test(int[] traversal, double[] constants) {
        TestResult r = task.test(traversal, constants, testWorkspace);
        return new Test(r.nmseTest(), r.nmseTestNoiseless(), r.success());
    }

    @Override
    public double complexity(int[] traversal) { return complexity.of(task.programInfo(traversal, null)); }

    @Override
    public double complexity(int[] traversal, double[] constants) {
        return complexity.of(task.programInfo(traversal, constants));
    }

    @Override
    public String infix(int[] traversal, double[] constants) { return printer.infix(traversal, constants); }

    @Override
    public String latex(int[] traversal, double[] constants) { return printer.latex(traversal, constants); }

    @Override
    public String sympy(int[] traversal, double[] constants) { return printer.sympy(traversal, constants); }

    @Override
    public String traversalString(int[] traversal, double[] constants) { return printer.traversal(traversal, constants); }

    @Override
    public SymbolicProgram symbolic(int[] traversal, double[] constants) {
        return SymbolicProgram.of(traversal, constants, library, task.protectedMode());
    }

    @Override
    public synchronized SymbolicMath.Check check(int[] traversal, double[] constants) {
        Dataset d = task.dataset();
        double[][] x = CheckRows.sample(d.xTrain(), d.xTest(), CHECK_ROWS);
        int n = x[0].length;
        CompiledProgram p = CompiledProgram.compile(traversal, library);
        // a fitted poly is read from one more column (its values); its coefficients are no const values
        double[][] xp = PolyFitter.inputs(library, traversal, constants, x, n);
        double[] c = xp == x ? constants : null;
        double[] y = p.evaluate(xp, n, c, testWorkspace);
        double[] values = new double[n];
        if (y != null) {
            System.arraycopy(y, 0, values, 0, n);
        } else { // some row is not finite: find which, one row at a time
            for (int i = 0; i < n; i++) {
                double[][] row = new double[xp.length][];
                for (int v = 0; v < xp.length; v++) row[v] = new double[] {xp[v][i]};
                double[] yi = p.evaluate(row, 1, c, testWorkspace);
                values[i] = yi == null ? Double.NaN : yi[0];
            }
        }
        return new SymbolicMath.Check(x, values);
    }

    /** Rows a simplified form is checked on (half from the training set, half from the test set). */
    static final int CHECK_ROWS = 256;

    @Override
    public int[] finish(int[] tokens, Rng rng) { return Programs.finish(tokens, tokens.length, library, rng); }
}
