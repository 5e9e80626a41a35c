package io.dsr4j.train;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepSymbolicRegressorTest {

    @Test
    void fitsPredictsAndReportsOnUserData() {
        int n = 30;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = -1 + 2.0 * i / (n - 1);
            y[i] = x[i][0] * x[i][0] + x[i][0];
        }
        AtomicInteger calls = new AtomicInteger();
        DeepSymbolicRegressor dsr = DeepSymbolicRegressor.builder()
                .set("training.n_samples", 100_000)
                .set("task.function_set", List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log"))
                .set("logging.progress", "off")
                .seed(0)
                .onIteration((s, t) -> calls.incrementAndGet())
                .build()
                .fit(x, y);
        assertTrue(dsr.success(), dsr.bestExpression().infix());
        assertEquals(dsr.trainer().iteration(), calls.get());
        double[] yHat = dsr.predict(new double[][]{{0.5}, {2.0}});
        assertEquals(0.75, yHat[0], 1e-9);
        assertEquals(6.0, yHat[1], 1e-9);
        assertFalse(dsr.paretoFront().isEmpty());
        assertEquals(1.0, dsr.bestExpression().reward(), 1e-12);
        assertFalse(dsr.bestExpression().latex().isEmpty());
        // Symja is on the test class path: the simplified form of whatever expression was found is x^2 + x
        assertEquals(io.dsr4j.programs.symbolic.Simplified.Status.SIMPLIFIED, dsr.bestExpression().simplified().status());
        assertEquals("x1^2 + x1", dsr.bestExpression().simplified().infix(), dsr.bestExpression().infix());
        assertEquals("x1**2 + x1", dsr.bestExpression().simplified().sympy());
    }

    @Test
    void savedModelPredictsIdenticallyAfterLoading(@TempDir Path dir) throws Exception {
        int n = 40;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = -1 + 2.0 * i / (n - 1);
            x[i][1] = 0.5 + Math.sin(i);
            y[i] = 2.5 * x[i][0] * x[i][1] + x[i][1];
        }
        DeepSymbolicRegressor dsr = DeepSymbolicRegressor.builder()
                .set("training.n_samples", 20_000)
                .set("task.function_set", List.of("add", "sub", "mul", "div", "sin", "exp", "log", "const"))
                .set("logging.progress", "off")
                .featureNames("mass", "speed")
                .seed(1)
                .build()
                .fit(x, y);
        String infix = dsr.bestExpression().infix();
        assertFalse(infix.matches(".*\\bx[12]\\b.*"), infix);
        assertTrue(infix.contains("mass") || infix.contains("speed"), infix);
        assertFalse(dsr.equations().isEmpty());
        assertTrue(dsr.equationsTable().startsWith(String.format("%10s", "complexity")), dsr.equationsTable());

        Path file = dir.resolve("model.json");
        dsr.save(file);
        DeepSymbolicRegressor back = DeepSymbolicRegressor.load(file);
        double[][] probe = new double[200][2];
        for (int i = 0; i < probe.length; i++) {
            probe[i][0] = -3 + 0.03 * i;
            probe[i][1] = Math.cos(i) * 4;
        }
        assertArrayEquals(dsr.predict(probe), back.predict(probe)); // bit for bit (NaN rows included)
        assertEquals(dsr.bestExpression(), back.bestExpression());
        assertEquals(dsr.equations(), back.equations());
        assertEquals(dsr.score(x, y), back.score(x, y));
        assertThrows(IllegalStateException.class, back::trainer);
        assertThrows(ConfigException.class, () -> back.predict(new double[][]{{1.0}}));
    }

    @Test
    void predictIsNaNOnlyOnRowsWhereTheExpressionIsNotFinite(@TempDir Path dir) throws Exception {
        // a model file for log(x1) + 1.5 (written by hand: the same file format save() writes)
        String settings = ConfigLoader.fromMap(Map.of("task", Map.of("function_set",
                List.of("add", "mul", "log", "const")))).resolvedYaml();
        String json = """
                {"format": "dsr4j-model", "format_version": 1, "library": ["x1", "add", "mul", "log", "const"],
                 "n_features": 1,
                 "best": {"traversal": "add,log,x1,const", "constants": [1.5], "reward": 0.5, "complexity": 4},
                 "equations": [],
                 "settings": %s}
                """.formatted(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings));
        Path file = dir.resolve("log.json");
        Files.writeString(file, json);
        DeepSymbolicRegressor dsr = DeepSymbolicRegressor.load(file);
        double[] yHat = dsr.predict(new double[][]{{-1.0}, {0.0}, {Math.E}, {1.0}});
        assertTrue(Double.isNaN(yHat[0]), "log(-1)");
        assertTrue(Double.isNaN(yHat[1]), "log(0) = -inf");
        assertEquals(2.5, yHat[2], 1e-15);
        assertEquals(1.5, yHat[3]);
        assertEquals("log(x1) + 1.5", dsr.bestExpression().infix());
        assertTrue(Double.isNaN(dsr.score(new double[][]{{0.0}, {1.0}}, new double[]{0, 1})));
        assertEquals(1.0, dsr.score(new double[][]{{1.0}, {Math.E}}, new double[]{1.5, 2.5}), 1e-15);

        Files.writeString(file, json.replace("\"log\"", "\"sin\""));
        ConfigException e = assertThrows(ConfigException.class, () -> DeepSymbolicRegressor.load(file));
        assertTrue(e.getMessage().contains("log.json"), e.getMessage());
    }

    @Test
    void stopsOnAConditionOrATimeLimitWithoutInterruptingTheCaller() {
        double[][] x = {{1}, {2}, {3}, {4}, {5}};
        double[] y = {1.3, 0.2, 7.7, 1.1, 4.0}; // noise: no early success
        AtomicInteger iterations = new AtomicInteger();
        DeepSymbolicRegressor dsr = DeepSymbolicRegressor.builder()
                .set("logging.progress", "off")
                .onIteration((s, t) -> iterations.incrementAndGet())
                .stopWhen((s, t) -> s.iteration() >= 2)
                .build()
                .fit(x, y);
        assertEquals(3, iterations.get());
        assertFalse(Thread.currentThread().isInterrupted());
        assertFalse(dsr.equations().isEmpty());

        long t0 = System.nanoTime();
        DeepSymbolicRegressor timed = DeepSymbolicRegressor.builder()
                .set("logging.progress", "off")
                .maxTime(Duration.ofMillis(300))
                .build()
                .fit(x, y);
        assertTrue(System.nanoTime() - t0 < 30e9);
        assertTrue(timed.trainer().nevals() < 2_000_000);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void raggedInputIsAUserError() {
        DeepSymbolicRegressor dsr = DeepSymbolicRegressor.builder().set("logging.progress", "off").build();
        assertThrows(ConfigException.class, () -> dsr.fit(new double[][]{{1, 2}, {3}}, new double[]{1, 2}));
        assertThrows(IllegalStateException.class, dsr::bestExpression);
    }
}
