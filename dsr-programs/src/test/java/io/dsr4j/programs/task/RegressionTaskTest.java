package io.dsr4j.programs.task;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.eval.Workspace;
import io.dsr4j.programs.reward.BuiltinRewardsPlugin;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import io.dsr4j.programs.constfit.LevenbergMarquardtConstantOptimizer;
import io.dsr4j.programs.constfit.LevenbergMarquardtSettings;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RegressionTaskTest {

    @Test
    void constant1ComesBackToSixSignificantDigitsFromItsExactStructure() {
        // Constant-1: 3.39*x1^3 + 2.12*x1^2 + 1.78*x1 on the reference's own data, CKoza library, LM from all ones.
        Dataset d = io.dsr4j.programs.data.BenchmarkDataset.generate("Constant-1");
        Library lib = LibraryBuilder.build(1, List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log", "const"),
                false, BuiltinTokensPlugin.factories());
        Metric m = BuiltinRewardsPlugin.factories().get("inv_nrmse").create(d.yTrain(), new double[] {1.0});
        RegressionTask t = new RegressionTask(d, lib, m,
                new LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings.defaults()), 1e-12, false);
        int[] p = tr(lib, "add,add,mul,const,mul,x1,mul,x1,x1,mul,const,mul,x1,x1,mul,const,x1");
        Evaluation e = t.score(p, t.newWorkspace());
        double[] expected = {3.39, 2.12, 1.78};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], e.constants()[i], 5e-6 * expected[i], "constant " + i);
        }
        assertTrue(t.test(p, e.constants(), t.newWorkspace()).success());
    }

    @Test
    void sampleWeightsWeighTheConstantFitAndTheReward() {
        // y = 2 x except one outlier row; a zero weight on that row gives back c = 2 and a perfect reward
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        double[] y = Arrays.stream(x).map(v -> 2 * v).toArray();
        y[5] = 40;
        Dataset d = new Dataset("outlier", new double[][] {x}, y, new double[][] {x}, y, y, null, null);
        Library lib = LibraryBuilder.build(1, List.of("add", "mul", "const"), false, BuiltinTokensPlugin.factories());
        double[] w = {1, 1, 1, 1, 1, 0, 1, 1};
        var lm = new LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings.defaults());
        int[] p = tr(lib, "mul,const,x1");
        var rf = BuiltinRewardsPlugin.factories().get("neg_mse");
        RegressionTask wt = new RegressionTask(d, lib, rf.create(y, new double[0], w), lm, 1e-12, false, w);
        Evaluation weighted = wt.score(p, wt.newWorkspace());
        assertEquals(2.0, weighted.constants()[0], 1e-9);
        assertEquals(0.0, weighted.reward(), 1e-15);
        RegressionTask pt = new RegressionTask(d, lib, rf.create(y, new double[0]), lm, 1e-12, false);
        Evaluation plain = pt.score(p, pt.newWorkspace());
        assertTrue(Math.abs(plain.constants()[0] - 2.0) > 1, "the outlier pulls the unweighted fit: " + plain.constants()[0]);
    }

    @Test
    void theDatasetIsImmutable() {
        double[] x = {1, 2, 3};
        double[] y = {2, 4, 6};
        Dataset d = new Dataset("d", new double[][] {x}, y, new double[][] {x}, y, y, null, null);
        x[0] = 99;                       // the caller's arrays were copied in
        d.xTrain()[0][1] = 99;           // and the accessors copy out
        d.yTrain()[0] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, d.xTrain()[0]);
        assertArrayEquals(new double[] {2, 4, 6}, d.yTrain());
        assertEquals(2.0, d.xTrain(0, 1));
        assertEquals(4.0, d.yTrain(1));
    }

    static final List<String> KOZA = List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log");

    /** Nguyen-1-like data: 20 train and 20 test points uniform in (-1, 1), y = x^3 + x^2 + x. */
    static Dataset nguyen1(int nTrain, int nTest) {
        Rng rng = new Rng(123);
        double[] xtr = new double[nTrain], xte = new double[nTest];
        for (int i = 0; i < nTrain; i++) xtr[i] = rng.nextDouble() * 2 - 1;
        for (int i = 0; i < nTest; i++) xte[i] = rng.nextDouble() * 2 - 1;
        double[] ytr = Arrays.stream(xtr).map(x -> x * x * x + x * x + x).toArray();
        double[] yte = Arrays.stream(xte).map(x -> x * x * x + x * x + x).toArray();
        return new Dataset("Nguyen-1-like", new double[][] {xtr}, ytr, new double[][] {xte}, yte, yte, null, null);
    }

    static int[] tr(Library lib, String s) {
        return Arrays.stream(s.split(",")).mapToInt(lib::indexOf).toArray();
    }

    static RegressionTask task(Dataset d, List<String> fs, ConstantOptimizer opt) {
        Library lib = LibraryBuilder.build(1, fs, false, BuiltinTokensPlugin.factories());
        Metric m = BuiltinRewardsPlugin.factories().get("inv_nrmse").create(d.yTrain(), new double[] {1.0});
        return new RegressionTask(d, lib, m, opt, 1e-12, false);
    }

    @Test
    void trueNguyen1ExpressionGetsRewardOneAndSucceeds() {
        RegressionTask t = task(nguyen1(20, 20), KOZA, null);
        Workspace ws = t.newWorkspace();
        int[] truth = tr(t.library(), "add,add,mul,x1,mul,x1,x1,mul,x1,x1,x1");
        Evaluation e = t.score(truth, ws);
        assertFalse(e.invalid());
        assertEquals(1.0, e.reward(), 1e-12);
        assertEquals(0.0, e.trainNrmse(), 1e-12);
        assertEquals(0, e.constants().length);
        TestResult r = t.test(truth, e.constants(), ws);
        assertTrue(r.success());
        assertEquals(0.0, r.nmseTest(), 1e-24);
        // an equivalent form also succeeds (success is numeric)
        int[] alt = tr(t.library(), "mul,x1,add,add,mul,x1,x1,x1,div,x1,x1");
        assertTrue(t.test(alt, new double[0], ws).success());
        // a near miss does not
        int[] wrong = tr(t.library(), "add,mul,x1,mul,x1,x1,mul,x1,x1");
        Evaluation w = t.score(wrong, ws);
        assertTrue(w.reward() < 0.9 && w.reward() > 0, "reward " + w.reward());
        TestResult wr = t.test(wrong, new double[0], ws);
        assertFalse(wr.success());
        assertTrue(wr.nmseTestNoiseless() > 1e-3);
    }

    @Test
    void invalidProgramsGetTheInvalidReward() {
        RegressionTask t = task(nguyen1(20, 20), KOZA, null);
        Workspace ws = t.newWorkspace();
        int[] logx = tr(t.library(), "log,x1"); // x1 has negative values
        Evaluation e = t.score(logx, ws);
        assertTrue(e.invalid());
        assertEquals(0.0, e.reward());
        assertTrue(Double.isNaN(e.trainNrmse()));
        TestResult r = t.test(logx, new double[0], ws);
        assertTrue(r.invalid());
        assertTrue(Double.isNaN(r.nmseTest()));
        assertFalse(r.success());
    }

    @Test
    void constantsAreFittedByTheOptimizer() {
        // y = 2.5 * exp(0.8 * x1) - 0.3
        Rng rng = new Rng(5);
        double[] x = new double[30];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble() * 4 - 2;
        double[] y = Arrays.stream(x).map(v -> 2.5 * Math.exp(0.8 * v) - 0.3).toArray();
        Dataset d = new Dataset("const", new double[][] {x}, y, new double[][] {x}, y, y, null, null);
        RegressionTask t = task(d, List.of("add", "mul", "exp", "const"), new LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings.defaults()));
        int[] p = tr(t.library(), "add,mul,const,exp,mul,const,x1,const");
        Evaluation e = t.score(p, t.newWorkspace());
        assertFalse(e.invalid());
        assertArrayEquals(new double[] {2.5, 0.8, -0.3}, e.constants(), 1e-8);
        assertEquals(1.0, e.reward(), 1e-9);
        assertTrue(t.test(p, e.constants(), t.newWorkspace()).success());
    }

    @Test
    void optimizerStartsAtOnesAndSeesInvalidPointsAsFalse() {
        ConstantOptimizer opt = mock(ConstantOptimizer.class);
        double[][] seen = new double[1][];
        boolean[] validity = new boolean[2];
        when(opt.optimize(any(), any())).thenAnswer(inv -> {
            FitProblem fp = inv.getArgument(0);
            seen[0] = ((double[]) inv.getArgument(1)).clone();
            double[] r = new double[fp.residualCount()];
            validity[0] = fp.evaluate(new double[] {2.0}, r, new double[fp.residualCount()][1]);
            validity[1] = fp.evaluate(new double[] {-1.0}, r, null); // log of negatives
            return new double[] {2.0};
        });
        Dataset d = nguyen1(20, 20);
        double[] pos = Arrays.stream(d.xTrain()[0]).map(v -> Math.abs(v) + 0.1).toArray();
        Dataset dp = new Dataset("pos", new double[][] {pos}, d.yTrain(), new double[][] {pos}, d.yTrain(), d.yTrain(), null, null);
        RegressionTask t = task(dp, List.of("log", "mul", "const"), opt);
        Evaluation e = t.score(tr(t.library(), "log,mul,const,x1"), t.newWorkspace());
        assertArrayEquals(new double[] {1.0}, seen[0]);
        assertTrue(validity[0]);
        assertFalse(validity[1]);
        assertArrayEquals(new double[] {2.0}, e.constants());
    }

    @Test
    void jacobianByColumnsIsTheJacobianByRowsTransposed() {
        // weighted and unweighted; the last point divides by zero at x = 0.5 (invalid in both forms)
        double[] x = {0.1, 0.5, 0.9, 1.3, 1.7, 2.1};
        double[] y = Arrays.stream(x).map(v -> Math.exp(0.7 * v) / v).toArray();
        Dataset d = new Dataset("cols", new double[][] {x}, y, new double[][] {x}, y, y, null, null);
        Library lib = LibraryBuilder.build(1, List.of("add", "sub", "mul", "div", "exp", "sin", "const"), false,
                BuiltinTokensPlugin.factories());
        int[] p = tr(lib, "add,div,exp,mul,const,x1,sub,x1,const,sin,mul,const,x1");
        double[][] points = {{0.7, 3.0, 1.2}, {-0.4, 0.1, 2.5}, {0.7, 0.5, 1.0}};
        for (double[] w : new double[][] {null, {1, 2, 0.5, 3, 1, 0.25}}) {
            int[] calls = new int[1];
            ConstantOptimizer opt = (fp, start) -> {
                int n = fp.residualCount(), k = fp.constantCount();
                for (double[] c : points) {
                    double[] r1 = new double[n], r2 = new double[n];
                    double[][] rows = new double[n][k], cols = new double[k][n];
                    boolean v1 = fp.evaluate(c, r1, rows), v2 = fp.evaluateColumns(c, r2, cols);
                    assertEquals(v1, v2);
                    assertArrayEquals(r1, r2, 0.0);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < k; j++) assertEquals(rows[i][j], cols[j][i], 0.0, "d r_" + i + " / d c_" + j);
                    }
                    calls[0]++;
                }
                return start;
            };
            RegressionTask t = w == null ? task(d, List.of("add", "sub", "mul", "div", "exp", "sin", "const"), opt)
                    : new RegressionTask(d, lib, BuiltinRewardsPlugin.factories().get("neg_mse").create(y, new double[0], w),
                    opt, 1e-12, false, w);
            t.score(p, t.newWorkspace());
            assertEquals(points.length, calls[0]);
        }
    }

    @Test
    void metricSeesExactlyTrainingSizeEvenWithLargerTestSet() {
        Dataset d = nguyen1(20, 200);
        Library lib = LibraryBuilder.build(1, KOZA, false, BuiltinTokensPlugin.factories());
        int[] lengths = new int[1];
        Metric probe = new Metric() {
            public double reward(double[] yHat) { lengths[0] = yHat.length; return 0.5; }
            public double invalidReward() { return 0; }
            public double maxReward() { return 1; }
        };
        RegressionTask t = new RegressionTask(d, lib, probe, null, 1e-12, false);
        Workspace ws = t.newWorkspace();
        t.test(tr(lib, "sin,x1"), new double[0], ws);
        t.score(tr(lib, "sin,x1"), ws);
        assertEquals(20, lengths[0]);
    }

    @Test
    void concurrentScoringMatchesSequential() throws Exception {
        RegressionTask t = task(nguyen1(20, 20), KOZA, null);
        Rng rng = new Rng(9);
        int[][] programs = new int[400][];
        for (int i = 0; i < programs.length; i++) programs[i] = io.dsr4j.programs.eval.RandomTraversals.next(t.library(), rng, 4, 30);
        double[] expected = new double[programs.length];
        Workspace ws = t.newWorkspace();
        for (int i = 0; i < programs.length; i++) expected[i] = t.score(programs[i], ws).reward();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> fs = new java.util.ArrayList<>();
            for (int w = 0; w < 3; w++) {
                fs.add(pool.submit(() -> {
                    Workspace own = t.newWorkspace();
                    double[] r = new double[programs.length];
                    for (int i = 0; i < programs.length; i++) r[i] = t.score(programs[i], own).reward();
                    return r;
                }));
            }
            for (Future<double[]> f : fs) assertArrayEquals(expected, f.get(), 0.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void complexityModes() {
        RegressionTask t = task(nguyen1(20, 20), KOZA, null);
        int[] p = tr(t.library(), "add,div,x1,x1,sin,x1"); // 1 + 2 + 1 + 1 + 3 + 1
        assertEquals(9.0, t.complexity(p, "token"));
        assertEquals(6.0, t.complexity(p, "length"));
        assertEquals(0.0, t.complexity(p, null));
        ConfigException e = assertThrows(ConfigException.class, () -> t.complexity(p, "tokens"));
        assertTrue(e.getMessage().contains("did you mean 'token'"), e.getMessage());
    }

    @Test
    void nonFiniteDataIsAUserError() {
        double[] x = {1, Double.NaN};
        double[] y = {1, 2};
        Dataset d = new Dataset("bad", new double[][] {x}, y, new double[][] {x}, y, y, null, null);
        ConfigException e = assertThrows(ConfigException.class, () -> task(d, KOZA, null));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }
}
