package io.dsr4j.programs.constfit;

import io.dsr4j.api.constfit.FitProblem;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;
import io.dsr4j.programs.data.BenchmarkDataset;
import io.dsr4j.programs.data.BenchmarkRegistry;
import io.dsr4j.programs.print.ExpressionParser;
import io.dsr4j.programs.reward.BuiltinRewardsPlugin;
import io.dsr4j.programs.task.RegressionTask;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HipparchusLm}'s shortcuts change nothing: the same points in the same order as a plain Hipparchus run. */
class HipparchusLmTest {

    private static final LevenbergMarquardtSettings DEFAULTS = LevenbergMarquardtSettings.defaults();

    /** Records every point a fit evaluates. */
    private static final class Recording implements FitProblem {
        final FitProblem inner;
        final List<double[]> points = new ArrayList<>();

        Recording(FitProblem inner) {
            this.inner = inner;
        }

        @Override public int constantCount() { return inner.constantCount(); }

        @Override public int residualCount() { return inner.residualCount(); }

        @Override
        public boolean evaluate(double[] c, double[] residuals, double[][] jacobian) {
            points.add(c.clone());
            return inner.evaluate(c, residuals, jacobian);
        }
    }

    /** What the plain run went through, to check the cases below cover the shortcuts. */
    private record Outcome(int evaluations, int evaluationsBeforeQrFailure) { }

    /** Fits with both and compares point by point; returns what the plain run went through. */
    private static Outcome same(LevenbergMarquardtSettings settings, FitProblem problem, double[] start, String what) {
        PlainHipparchusFit plain = new PlainHipparchusFit();
        Recording a = new Recording(problem);
        double[] expected = plain.fit(settings, a, start);
        Recording b = new Recording(problem);
        BestPoint best = new BestPoint(start);
        new HipparchusLm(settings).fit(b, start, best);
        assertEquals(a.points.size(), b.points.size(), what + ": evaluations");
        for (int i = 0; i < a.points.size(); i++) {
            assertArrayEquals(a.points.get(i), b.points.get(i), 0.0, what + ": point " + i);
        }
        assertArrayEquals(expected, best.point, 0.0, what + ": result");
        return new Outcome(plain.evaluations, plain.evaluationsBeforeQrFailure);
    }

    @Test
    void handWrittenProblems() throws IOException {
        CurveProblem.Model sin = (c, x, g) -> {
            if (g != null) g[0] = x * Math.cos(c[0] * x);
            return Math.sin(c[0] * x);
        };
        CurveProblem.Model sqrt = (c, x, g) -> {
            if (g != null) {
                g[0] = c[1] / (2 * Math.sqrt(c[0] - x));
                g[1] = Math.sqrt(c[0] - x);
            }
            return Math.sqrt(c[0] - x) * c[1];
        };
        // c0·exp(c1·x) on [0, 400]: the squares of d/dc0 = exp(c1·x) overflow from c1 ≈ 0.89; with tiny c0 the
        // residuals stay finite there
        CurveProblem.Model exp = (c, x, g) -> {
            if (g != null) {
                g[0] = Math.exp(c[1] * x);
                g[1] = c[0] * x * Math.exp(c[1] * x);
            }
            return c[0] * Math.exp(c[1] * x);
        };
        // c0·sin(c1·x) + c2 on Constant-1's data: degenerate (c0 → ∞, c1 → 0), runs to the iteration limit
        CurveProblem constantOne = LevenbergMarquardtConstantOptimizerTest.constantOne();
        CurveProblem.Model trig = (c, x, g) -> {
            if (g != null) {
                g[0] = Math.sin(c[1] * x);
                g[1] = c[0] * x * Math.cos(c[1] * x);
                g[2] = 1;
            }
            return c[0] * Math.sin(c[1] * x) + c[2];
        };
        double[] x1 = CurveProblem.grid(-1, 1, 20);
        double[] y1 = new double[20];
        for (int i = 0; i < 20; i++) y1[i] = 3.39 * Math.pow(x1[i], 3) + 2.12 * x1[i] * x1[i] + 1.78 * x1[i];

        same(DEFAULTS, constantOne, new double[] {1, 1, 1}, "cubic");
        same(DEFAULTS, CurveProblem.exact(1, CurveProblem.grid(0, 5, 50), new double[] {4}, sin), new double[] {1}, "sin");
        same(DEFAULTS, CurveProblem.exact(2, CurveProblem.grid(0, 4, 20), new double[] {4.5, -3}, sqrt), new double[] {5, 1}, "sqrt");
        Outcome degenerate = same(DEFAULTS, new CurveProblem(3, x1, y1, trig), new double[] {1, 1, 1}, "trig");
        Outcome limited = same(LevenbergMarquardtSettings.from(io.dsr4j.api.config.Params.of("x",
                Map.of("max_evaluations", 7))), new CurveProblem(3, x1, y1, trig), new double[] {1, 1, 1}, "evaluation limit");
        double[] grid = CurveProblem.grid(0, 400, 30);
        Outcome atStart = same(DEFAULTS, CurveProblem.exact(2, grid, new double[] {2, 0.5}, exp), new double[] {1e-10, 0.9},
                "overflow at start");
        Outcome later = same(DEFAULTS, CurveProblem.exact(2, grid, new double[] {1e-25, 0.9}, exp), new double[] {1e-22, 0.88},
                "overflow later");
        assertTrue(degenerate.evaluations() > DEFAULTS.maxIterations(), "trig should run to the iteration limit: " + degenerate);
        assertEquals(7, limited.evaluations());
        assertEquals(1, atStart.evaluationsBeforeQrFailure(), "the start's QR should fail: " + atStart);
        assertTrue(later.evaluationsBeforeQrFailure() > 1, "a later QR should fail: " + later);
    }

    /**
     * Programs sampled in a Constant-7 run: ordinary fits, QR failures at the start and after accepted steps, and
     * fits whose huge residuals give NaN steps (Hipparchus then decomposes its current point again).
     */
    @Test
    void programsFromAConstantRun() {
        String[] programs = {
                "add,mul,const,sin,mul,const,x1,cos,mul,const,x2",
                "mul,const,sin,add,x1,mul,const,exp,x2",
                "exp,sin,exp,div,const,x2",
                "mul,x2,exp,div,add,x2,cos,sub,mul,add,add,exp,mul,x2,x2,x2,add,add,add,exp,mul,x1,const,log,x1,x1,const,const,x1,x1",
                "sub,const,sub,div,exp,exp,exp,cos,x1,sin,x2,sin,mul,div,exp,add,x2,exp,mul,const,x1,div,exp,exp,x1,div,x1,x2,x1",
                "exp,add,div,sin,div,sub,div,add,exp,sub,mul,sub,sub,log,x1,sub,x2,const,sub,log,x1,const,x1,x1,x2,const,x2,x1,x1,x2",
                "sub,const,div,div,div,exp,div,cos,div,x1,mul,add,sub,const,exp,sub,x2,mul,log,add,const,x1,log,x1,x1,x2,x1,x1,x2,x2",
        };
        Dataset d = BenchmarkDataset.generate("Constant-7");
        BenchmarkRegistry reg = BenchmarkRegistry.get();
        Library lib = LibraryBuilder.build(d.variableCount(), reg.functionSet(reg.get("Constant-7").functionSetName()),
                false, BuiltinTokensPlugin.factories());
        List<Outcome> outcomes = new ArrayList<>();
        RegressionTask task = new RegressionTask(d, lib,
                BuiltinRewardsPlugin.factories().get("inv_nrmse").create(d.yTrain(), new double[] {1.0}),
                (problem, start) -> {
                    outcomes.add(same(DEFAULTS, problem, start, Arrays.toString(start)));
                    return start;
                }, 1e-12, false);
        for (String p : programs) task.score(new ExpressionParser(lib).parseTraversal(p).traversal(), task.newWorkspace());
        assertEquals(programs.length, outcomes.size());
        assertEquals(1, outcomes.get(2).evaluationsBeforeQrFailure(), outcomes.toString());
        assertTrue(outcomes.get(3).evaluationsBeforeQrFailure() > 1, outcomes.toString());
        assertTrue(outcomes.get(5).evaluations() > DEFAULTS.maxIterations(), outcomes.toString());
    }
}
