package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class BenchmarkExpressionTest {

    private static double[] eval(String expr, double... x1) {
        return BenchmarkExpression.parse(expr, 1).evaluate(new double[][] {x1});
    }

    @Test
    void pythonPrecedence() {
        assertArrayEquals(new double[] {-9}, eval("-x1**2", 3));
        assertArrayEquals(new double[] {0.5}, eval("2**-x1", 1));
        assertArrayEquals(new double[] {512}, eval("2**3**x1", 2)); // right-associative
        assertArrayEquals(new double[] {-6}, eval("-2*x1", 3));
        assertArrayEquals(new double[] {1}, eval("8/x1/2", 4)); // left-associative
        assertArrayEquals(new double[] {7}, eval("1+2*x1", 3));
        assertArrayEquals(new double[] {1.0 / 3 + 2}, eval("1./3+x1", 2));
        assertArrayEquals(new double[] {2 * Math.PI}, eval("2*pi*x1", 1));
    }

    @Test
    void unprotectedNumpySemantics() {
        double[] y = eval("log(x1)", -1, 0);
        assertTrue(Double.isNaN(y[0]));
        assertEquals(Double.NEGATIVE_INFINITY, y[1]);
        assertEquals(Double.POSITIVE_INFINITY, eval("div(1,x1)", 0)[0]);
        assertTrue(Double.isNaN(eval("pow(x1,0.5)", -4)[0]));
        assertTrue(Double.isNaN(eval("sqrt(x1)", -4)[0]));
    }

    @Test
    void harmonicNumbersForIntegersAndTheExpansionOtherwise() {
        assertArrayEquals(new double[] {0, 1, 1.5, 11.0 / 6}, eval("harmonic(x1)", 0, 1, 2, 3));
        double v = 10.5;
        double expansion = 0.5772156649015329 + Math.log(v) + 0.5 / v - 1 / (12 * v * v) + 1 / (120 * v * v * v * v);
        assertEquals(expansion, eval("harmonic(x1)", v)[0], 1e-15);
        assertTrue(expansion > 2.9289682539682538 && expansion < 3.0198773448773446); // between H(10) and H(11)
    }

    @Test
    void resultIsACopyEvenForABareVariable() {
        double[] x = {1, 2};
        double[] y = BenchmarkExpression.parse("x1", 1).evaluate(new double[][] {x});
        y[0] = 5;
        assertEquals(1, x[0]);
    }

    @Test
    void clearErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> BenchmarkExpression.parse("sinn(x1)", 1));
        assertTrue(e.getMessage().contains("did you mean 'sin'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> BenchmarkExpression.parse("x1+x2", 1));
        assertTrue(e.getMessage().contains("character 4"), e.getMessage());
        assertThrows(ConfigException.class, () -> BenchmarkExpression.parse("pow(x1)", 1));
        assertThrows(ConfigException.class, () -> BenchmarkExpression.parse("(x1+1", 1));
        assertThrows(ConfigException.class, () -> BenchmarkExpression.parse("x1 2", 1));
        assertThrows(ConfigException.class, () -> BenchmarkExpression.parse("y", 1));
    }

    /**
     * sin(... exp(exp(x3)) ...) amplifies a 1-ulp difference of exp by ~1e8 (exp(exp(3)) ≈ 5e8), so libm and
     * fdlibm legitimately differ there; everything else agrees to 1e-15.
     */
    private static double tolerance(String name) {
        return name.equals("Livermore2-Vars4-8") ? 1e-9 : 1e-15;
    }

    /** Python's repr of a float. */
    static double python(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /**
     * Every published expression against values the reference's own scheme computed (its string rewrite to NumPy
     * calls + eval, NumPy 2.4.6; 4 points each, one with negative inputs): equal, or within 1e-15 relative.
     */
    @Test
    void everyPublishedExpressionMatchesNumpy() throws IOException {
        BenchmarkRegistry registry = BenchmarkRegistry.get();
        int rows = 0;
        int exact = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("expression-oracle.csv")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                List<String> f = List.of(line.split(","));
                Benchmark b = registry.get(f.get(0));
                double[][] x = new double[b.variableCount()][1];
                for (int v = 0; v < b.variableCount(); v++) x[v][0] = python(f.get(1 + v));
                double expected = python(f.get(f.size() - 1));
                double got = BenchmarkExpression.parse(b.expression(), b.variableCount()).evaluate(x)[0];
                rows++;
                if (Double.compare(expected, got) == 0) {
                    exact++;
                } else if (!(Math.abs(expected - got) <= tolerance(b.name()) * Math.abs(expected))) {
                    fail(b.name() + " at " + line + ": got " + got);
                }
            }
        }
        assertEquals(268 * 4, rows);
        assertTrue(exact >= rows * 9 / 10, exact + " of " + rows + " bit-exact");
    }
}
