package io.dsr4j.train;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
    }

    @Test
    void raggedInputIsAUserError() {
        DeepSymbolicRegressor dsr = DeepSymbolicRegressor.builder().set("logging.progress", "off").build();
        assertThrows(ConfigException.class, () -> dsr.fit(new double[][]{{1, 2}, {3}}, new double[]{1, 2}));
        assertThrows(IllegalStateException.class, dsr::bestExpression);
    }
}
