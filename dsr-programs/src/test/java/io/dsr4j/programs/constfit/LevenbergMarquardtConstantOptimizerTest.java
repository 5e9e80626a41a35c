package io.dsr4j.programs.constfit;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.FitProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevenbergMarquardtConstantOptimizerTest {

    private static LevenbergMarquardtConstantOptimizer lm(String solver) {
        return new LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings.defaults().withSolver(solver));
    }

    private static LevenbergMarquardtConstantOptimizer lm(String solver, Map<String, ?> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("solver", solver);
        return new LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings.from(Params.of("training.const_optimizer", all)));
    }

    /** c0·x³ + c1·x² + c2·x, Constant-1's structure. */
    static final CurveProblem.Model CUBIC = (c, x, g) -> {
        if (g != null) {
            g[0] = x * x * x;
            g[1] = x * x;
            g[2] = x;
        }
        return c[0] * x * x * x + c[1] * x * x + c[2] * x;
    };

    static CurveProblem constantOne() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                LevenbergMarquardtConstantOptimizerTest.class.getResourceAsStream("/dso-data/Constant-1.csv")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        double[] x = rows.stream().mapToDouble(v -> v[0]).toArray();
        double[] y = rows.stream().mapToDouble(v -> v[1]).toArray();
        return new CurveProblem(3, x, y, CUBIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void recoversConstantOneFromTheShippedData(String solver) throws IOException {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        CurveProblem p = constantOne();
        double[] c = LM.optimize(p, new double[] {1, 1, 1});
        assertEquals(3.39, c[0], 3.39e-7);
        assertEquals(2.12, c[1], 2.12e-7);
        assertEquals(1.78, c[2], 1.78e-7);
        assertTrue(p.sse(c) < 1e-20, "sse " + p.sse(c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void nonlinearFitFromOnes(String solver) {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        // Constant-3-like: sin(c0·x)·cos(c1) with c0 = 1.5, c1 = 0.5
        CurveProblem.Model m = (c, x, g) -> {
            if (g != null) {
                g[0] = x * Math.cos(c[0] * x) * Math.cos(c[1]);
                g[1] = -Math.sin(c[0] * x) * Math.sin(c[1]);
            }
            return Math.sin(c[0] * x) * Math.cos(c[1]);
        };
        CurveProblem p = CurveProblem.exact(2, CurveProblem.grid(0, 1, 20), new double[] {1.5, 0.5}, m);
        double[] c = LM.optimize(p, new double[] {1, 1});
        assertEquals(1.5, c[0], 1e-8);
        assertEquals(0.5, Math.abs(c[1]), 1e-8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void invalidStartReturnsItUnchanged(String solver) {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        // log(c·x) is undefined for c <= 0 at every x > 0
        CurveProblem.Model log = (c, x, g) -> {
            if (g != null) g[0] = 1 / c[0];
            return Math.log(c[0] * x);
        };
        CurveProblem p = CurveProblem.exact(1, CurveProblem.grid(0.1, 2, 20), new double[] {2}, log);
        assertArrayEquals(new double[] {-1}, LM.optimize(p, new double[] {-1}));
        // from a valid start it succeeds
        assertEquals(2, LM.optimize(p, new double[] {1})[0], 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void stepsBackOutOfInvalidRegions(String solver) {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        // sqrt(c0 − x) on x ∈ [0, 4]: invalid for c0 < 4; LM's first steps overshoot in both directions
        AtomicInteger invalid = new AtomicInteger();
        CurveProblem.Model m = (c, x, g) -> {
            double v = Math.sqrt(c[0] - x) * c[1];
            if (Double.isNaN(v)) invalid.incrementAndGet();
            if (g != null) {
                g[0] = c[1] / (2 * Math.sqrt(c[0] - x));
                g[1] = Math.sqrt(c[0] - x);
            }
            return v;
        };
        CurveProblem p = CurveProblem.exact(2, CurveProblem.grid(0, 4, 20), new double[] {4.5, -3}, m);
        double[] c = LM.optimize(p, new double[] {5, 1});
        assertTrue(Double.isFinite(c[0]) && Double.isFinite(c[1]));
        assertEquals(4.5, c[0], 1e-6);
        assertEquals(-3, c[1], 1e-6);
        assertTrue(invalid.get() > 0, "the test should visit the invalid region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void invalidJacobianCountsAsInvalid(String solver) {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        // |c|^0.5: the derivative is infinite at c = 0
        CurveProblem.Model m = (c, x, g) -> {
            if (g != null) g[0] = 0.5 / Math.sqrt(Math.abs(c[0])) * Math.signum(c[0]) * x;
            return Math.sqrt(Math.abs(c[0])) * x;
        };
        CurveProblem p = CurveProblem.exact(1, CurveProblem.grid(0, 1, 20), new double[] {0}, m);
        double[] c = LM.optimize(p, new double[] {1});
        assertTrue(Double.isFinite(c[0]));
        assertTrue(p.sse(c) < p.sse(new double[] {1}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void restartsEscapeLocalMinima(String solver) {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        // sin(c·x) on [0, 5] with c = 4: from 1, LM stops in a local minimum
        CurveProblem.Model m = (c, x, g) -> {
            if (g != null) g[0] = x * Math.cos(c[0] * x);
            return Math.sin(c[0] * x);
        };
        CurveProblem p = CurveProblem.exact(1, CurveProblem.grid(0, 5, 50), new double[] {4}, m);
        double[] plain = LM.optimize(p, new double[] {1});
        assertTrue(p.sse(plain) > 1, "sse without restarts " + p.sse(plain));
        LevenbergMarquardtConstantOptimizer withRestarts = lm(solver, Map.of("restarts", 20, "seed", 7));
        double[] best = withRestarts.optimize(p, new double[] {1});
        assertEquals(4, Math.abs(best[0]), 1e-9);
        assertArrayEquals(best, withRestarts.optimize(p, new double[] {1}), "deterministic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void evaluationLimitReturnsTheBestSoFar(String solver) throws IOException {
        CurveProblem p = constantOne();
        double[] c = lm(solver, Map.of("max_evaluations", 2)).optimize(p, new double[] {1, 1, 1});
        assertTrue(p.sse(c) < p.sse(new double[] {1, 1, 1}));
        double[] c1 = lm(solver, Map.of("max_iterations", 1)).optimize(p, new double[] {1, 1, 1});
        assertTrue(p.sse(c1) <= p.sse(new double[] {1, 1, 1}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void moreConstantsThanRowsDoesNotCrash(String solver) {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        CurveProblem p = CurveProblem.exact(3, new double[] {0.5, 1}, new double[] {1, 2, 3}, CUBIC);
        double[] c = LM.optimize(p, new double[] {1, 1, 1});
        assertTrue(Double.isFinite(c[0]) && Double.isFinite(c[1]) && Double.isFinite(c[2]));
        assertTrue(p.sse(c) < 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void noConstants(String solver) {
        LevenbergMarquardtConstantOptimizer LM = lm(solver);
        FitProblem empty = CurveProblem.exact(0, new double[] {1}, new double[0], (c, x, g) -> x);
        assertEquals(0, LM.optimize(empty, new double[0]).length);
        assertThrows(IllegalArgumentException.class, () -> LM.optimize(empty, new double[] {1}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void aFitDoesNotDependOnTheFitsBeforeIt(String solver) {
        // The cholesky solver reuses its arrays across fits of a thread: fits of 1, 2 and 3 constants on 20 and 50
        // rows, some through invalid points, interleaved on one optimizer give what a fresh optimizer gives.
        CurveProblem.Model sqrt = (c, x, g) -> {
            if (g != null) {
                g[0] = c[1] / (2 * Math.sqrt(c[0] - x));
                g[1] = Math.sqrt(c[0] - x);
            }
            return Math.sqrt(c[0] - x) * c[1];
        };
        CurveProblem.Model sin = (c, x, g) -> {
            if (g != null) g[0] = x * Math.cos(c[0] * x);
            return Math.sin(c[0] * x);
        };
        List<CurveProblem> problems = List.of(
                CurveProblem.exact(3, CurveProblem.grid(-1, 1, 20), new double[] {0.7, -1.2, 2}, CUBIC),
                CurveProblem.exact(2, CurveProblem.grid(0, 4, 20), new double[] {4.5, -3}, sqrt),
                CurveProblem.exact(1, CurveProblem.grid(0, 5, 50), new double[] {1.3}, sin),
                CurveProblem.exact(3, CurveProblem.grid(-2, 2, 50), new double[] {-0.3, 0.4, 5}, CUBIC),
                CurveProblem.exact(2, CurveProblem.grid(0, 4, 20), new double[] {6, 0.5}, sqrt),
                CurveProblem.exact(1, CurveProblem.grid(0, 5, 20), new double[] {0.8}, sin));
        LevenbergMarquardtConstantOptimizer shared = lm(solver, Map.of("restarts", 2));
        for (int round = 0; round < 2; round++) {
            for (CurveProblem p : problems) {
                double[] start = new double[p.constantCount()];
                Arrays.fill(start, 5);
                assertArrayEquals(lm(solver, Map.of("restarts", 2)).optimize(p, start), shared.optimize(p, start));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cholesky", "hipparchus", "trust"})
    void threadSafeAndThreadCountIndependent(String solver) throws Exception {
        LevenbergMarquardtConstantOptimizer opt = lm(solver, Map.of("restarts", 3));
        List<CurveProblem> problems = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double a = 0.5 + 0.1 * i;
            problems.add(CurveProblem.exact(3, CurveProblem.grid(-1, 1, 20), new double[] {a, -a, 2 * a}, CUBIC));
        }
        List<double[]> sequential = new ArrayList<>();
        for (CurveProblem p : problems) sequential.add(opt.optimize(p, new double[] {1, 1, 1}));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (CurveProblem p : problems) futures.add(pool.submit(() -> opt.optimize(p, new double[] {1, 1, 1})));
            for (int i = 0; i < problems.size(); i++) assertArrayEquals(sequential.get(i), futures.get(i).get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aProblemWithoutItsOwnColumnsGivesTheRowsTransposed() {
        // FitProblem's default evaluateColumns (what the cholesky solver calls on a problem written by rows)
        CurveProblem p = CurveProblem.exact(2, CurveProblem.grid(0.5, 2, 7), new double[] {1.5, -0.8}, (c, x, g) -> {
            if (g != null) {
                g[0] = Math.exp(c[1] * x);
                g[1] = c[0] * x * Math.exp(c[1] * x);
            }
            return c[0] * Math.exp(c[1] * x);
        });
        double[] c = {0.3, 0.9};
        double[] r1 = new double[7], r2 = new double[7];
        double[][] rows = new double[7][2], cols = new double[2][7];
        assertTrue(p.evaluate(c, r1, rows));
        assertTrue(p.evaluateColumns(c, r2, cols));
        assertArrayEquals(r1, r2, 0.0);
        for (int i = 0; i < 7; i++) {
            assertEquals(rows[i][0], cols[0][i], 0.0);
            assertEquals(rows[i][1], cols[1][i], 0.0);
        }
        assertNotEquals(0.0, cols[1][3]);
    }

    @Test
    void settingsFromParams() {
        LevenbergMarquardtSettings s = LevenbergMarquardtSettings.from(Params.of("training.const_optimizer",
                Map.of("type", "lm", "max_iterations", 7, "restarts", 2, "cost_tolerance", 1e-6)));
        assertEquals(7, s.maxIterations());
        assertEquals(2, s.restarts());
        assertEquals(1e-6, s.costRelativeTolerance());
        assertEquals(LevenbergMarquardtSettings.defaults().maxEvaluations(), s.maxEvaluations());
        assertEquals("hipparchus", s.solver());
        assertEquals("cholesky", LevenbergMarquardtSettings.from(Params.of("training.const_optimizer",
                Map.of("solver", "cholesky"))).solver());
        assertThrows(ConfigException.class, () -> LevenbergMarquardtSettings.from(
                Params.of("training.const_optimizer", Map.of("solver", "qr"))));
        ConfigException e = assertThrows(ConfigException.class, () -> LevenbergMarquardtSettings.from(
                userParams(Map.of("restart", 2))));
        assertTrue(e.getMessage().contains("run.yaml:12:5: key 'training.const_optimizer.restart': unknown key (did you mean 'restarts'?)"),
                e.getMessage());
        assertThrows(ConfigException.class, () -> LevenbergMarquardtSettings.from(
                Params.of("training.const_optimizer", Map.of("restarts", -1))));
    }

    /** Params as read from a user's file (keys from the built-in defaults are never "unknown"). */
    private static Params userParams(Map<String, ?> values) {
        return new Params("training.const_optimizer",
                (ConfigNode.MapNode) ConfigNode.of(values, new Location("run.yaml", 12, 5)));
    }

    @Test
    void noneKeepsTheStart() throws IOException {
        ConstantOptimizer none = new BuiltinConstantOptimizersPlugin.NoneFactory().create(Params.of("x", Map.of("type", "none")));
        double[] start = {1, 2, 3};
        double[] c = none.optimize(constantOne(), start);
        assertArrayEquals(start, c);
        c[0] = 5;
        assertEquals(1, start[0]);
    }
}
