package io.dsr4j.programs.poly;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.reward.Metric;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.eval.ProgramCompiler;
import io.dsr4j.programs.print.ExpressionPrinter;
import io.dsr4j.programs.reward.BuiltinRewardsPlugin;
import io.dsr4j.programs.task.Evaluation;
import io.dsr4j.programs.task.RegressionTask;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** uDSR's poly token (§9.2): monomial order, least-squares fit after partial execution, scoring, printing. */
class PolyTest {

    private static Library library(int inputs) {
        return LibraryBuilder.build(inputs, List.of("add", "sub", "mul", "div", "sin", "cos", "exp", "log", "sqrt", "poly"),
                false, BuiltinTokensPlugin.factories());
    }

    private static int[] tr(Library lib, String s) {
        return Arrays.stream(s.split(",")).mapToInt(lib::indexOf).toArray();
    }

    /** Two inputs uniform in [1, 2) (poly stays positive under sqrt/log), y = f(x1, x2). */
    private static Dataset data(int rows, ToDoubleFunction<double[]> f) {
        Rng rng = new Rng(11);
        double[][] x = new double[2][rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[0][i] = 1 + rng.nextDouble();
            x[1][i] = 1 + rng.nextDouble();
            y[i] = f.applyAsDouble(new double[]{x[0][i], x[1][i]});
        }
        return new Dataset("poly-test", x, y, x, y, y, null, null);
    }

    @Test
    void monomialsComeInDsoOrder() {
        Monomials m = new Monomials(2, 2);
        int[][] expected = {{0, 0}, {0, 1}, {1, 0}, {0, 2}, {1, 1}, {2, 0}};
        assertEquals(expected.length, m.size());
        for (int k = 0; k < expected.length; k++) assertArrayEquals(expected[k], m.exponents(k), "monomial " + k);
        assertEquals(20, new Monomials(3, 3).size());
        // a coefficient count says the degree: C(n + d, d)
        assertEquals(6, Monomials.ofSize(2, 6).size());
        assertEquals(20, Monomials.ofSize(3, 20).size());
        assertEquals(1, Monomials.ofSize(4, 1).size());
        assertEquals(null, Monomials.ofSize(2, 7));
        assertEquals(null, Monomials.ofSize(2, 0));
    }

    @Test
    void degreeAndCoefficientToleranceAreSettings() {
        // y = 1 + x1 x2 + 1e-4 x2^2: degree 2 fits it exactly; coef_tol 1e-3 drops the small term; degree 1 cannot fit
        Dataset d = data(40, v -> 1 + v[0] * v[1] + 1e-4 * v[1] * v[1]);
        Library lib = library(2);
        io.dsr4j.programs.eval.Workspace ws = new io.dsr4j.programs.eval.Workspace(40, 8);
        double[] c2 = new PolyFitter(lib, new ProgramCompiler(lib), d.xTrain(), 40, new PolyFitOptions(2, 1e-6))
                .fit(tr(lib, "poly"), d.yTrain(), ws);
        assertEquals(6, c2.length);
        assertEquals(1e-4, c2[3], 1e-9);
        double[] dropped = new PolyFitter(lib, new ProgramCompiler(lib), d.xTrain(), 40, new PolyFitOptions(2, 1e-3))
                .fit(tr(lib, "poly"), d.yTrain(), ws);
        assertEquals(0.0, dropped[3]);
        Metric m = BuiltinRewardsPlugin.factories().get("inv_nrmse").create(d.yTrain(), new double[]{1.0});
        RegressionTask linear = new RegressionTask(d, lib, m, null, 1e-12, false, new PolyFitOptions(1, 1e-6));
        Evaluation e = linear.score(tr(lib, "poly"), linear.newWorkspace());
        assertEquals(3, e.constants().length);
        assertTrue(e.reward() < 0.99, "a plane cannot fit x1 x2: " + e.reward());
        RegressionTask quadratic = new RegressionTask(d, lib, m, null, 1e-12, false, new PolyFitOptions(2, 1e-6));
        Evaluation q = quadratic.score(tr(lib, "poly"), quadratic.newWorkspace());
        assertEquals(1.0, q.reward(), 1e-9);
        // printing and evaluation on other data take the degree from the number of coefficients
        String infix = new ExpressionPrinter(lib).infix(tr(lib, "poly"), q.constants());
        assertTrue(infix.contains("x1*x2") && !infix.contains("poly"), infix);
        double[][] cols = PolyFitter.inputs(lib, tr(lib, "poly"), q.constants(), d.xTest(), 40);
        assertEquals(3, cols.length);
        assertEquals(d.yTest()[0], cols[2][0], 1e-9);
    }

    @Test
    void aLonePolyIsTheLeastSquaresPolynomial() {
        // 1.3 + 2 x1 x2 - 0.5 x2^2 + 0.25 x1^3
        Dataset d = data(60, v -> 1.3 + 2 * v[0] * v[1] - 0.5 * v[1] * v[1] + 0.25 * v[0] * v[0] * v[0]);
        Library lib = library(2);
        PolyFitter fit = new PolyFitter(lib, new ProgramCompiler(lib), d.xTrain(), 60, PolyFitOptions.DEFAULT);
        double[] c = fit.fit(tr(lib, "poly"), d.yTrain(), new io.dsr4j.programs.eval.Workspace(60, 8));
        // order: 1, x2, x1, x2^2, x1x2, x1^2, x2^3, x1x2^2, x1^2x2, x1^3
        double[] expected = {1.3, 0, 0, -0.5, 2, 0, 0, 0, 0, 0.25};
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], c[k], 1e-9, "coefficient " + k);
    }

    @Test
    void theRestOfTheExpressionIsInvertedDownToPoly() {
        // y = sin(x1) / (exp(x2) * sqrt(p)),  p = 1.3 + 2 x1 x2 - 0.05 x2
        ToDoubleFunction<double[]> p = v -> 1.3 + 2 * v[0] * v[1] - 0.05 * v[1];
        Dataset d = data(50, v -> Math.sin(v[0]) / (Math.exp(v[1]) * Math.sqrt(p.applyAsDouble(v))));
        Library lib = library(2);
        PolyFitter fit = new PolyFitter(lib, new ProgramCompiler(lib), d.xTrain(), 50, PolyFitOptions.DEFAULT);
        double[] c = fit.fit(tr(lib, "div,sin,x1,mul,exp,x2,sqrt,poly"), d.yTrain(), new io.dsr4j.programs.eval.Workspace(50, 8));
        double[] expected = {1.3, -0.05, 0, 0, 2, 0, 0, 0, 0, 0};
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], c[k], 1e-8, "coefficient " + k);
    }

    @Test
    void anOperatorWithoutInverseGivesTheConstantOne() {
        Dataset d = data(30, v -> v[0]);
        Library lib = LibraryBuilder.build(2, List.of("add", "neg", "poly"), false, BuiltinTokensPlugin.factories());
        PolyFitter fit = new PolyFitter(lib, new ProgramCompiler(lib), d.xTrain(), 30, PolyFitOptions.DEFAULT);
        assertArrayEquals(fit.one(), fit.fit(tr(lib, "neg,poly"), d.yTrain(), new io.dsr4j.programs.eval.Workspace(30, 8)));
    }

    @Test
    void aScoredPolyProgramCarriesItsPolynomialIntoTestingComplexityAndPrinting() {
        ToDoubleFunction<double[]> p = v -> 0.5 * v[0] * v[0] - v[1] + 3;
        Dataset d = data(40, v -> v[0] * Math.sin(v[1]) + p.applyAsDouble(v));
        Library lib = library(2);
        Metric m = BuiltinRewardsPlugin.factories().get("inv_nrmse").create(d.yTrain(), new double[]{1.0});
        RegressionTask task = new RegressionTask(d, lib, m, null, 1e-12, false);
        int[] prog = tr(lib, "add,mul,x1,sin,x2,poly");
        Evaluation e = task.score(prog, task.newWorkspace());
        assertFalse(e.invalid());
        assertEquals(1.0, e.reward(), 1e-9);
        assertEquals(10, e.constants().length, "one coefficient per monomial of degree <= 3 in 2 inputs");
        assertTrue(task.test(prog, e.constants(), task.newWorkspace()).success());
        // the fitted polynomial has three terms where the unfitted token counts 1
        assertEquals(task.complexity(prog, "token") - 1 + 3, task.complexity(prog, e.constants(), "token"));
        String infix = new ExpressionPrinter(lib).infix(prog, e.constants());
        assertTrue(infix.startsWith("x1*sin(x2) + ") && infix.contains("x1^2") && !infix.contains("poly"), infix);
        // a wrong structure fits what it can but does not succeed
        int[] wrong = tr(lib, "add,x1,poly");
        Evaluation w = task.score(wrong, task.newWorkspace());
        assertTrue(w.reward() < 1.0);
        assertFalse(task.test(wrong, w.constants(), task.newWorkspace()).success());
    }
}
