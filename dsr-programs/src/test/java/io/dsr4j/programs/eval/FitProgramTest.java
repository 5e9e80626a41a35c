package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitProgramTest {

    @Test
    void constantFreeSubtreesRunOnce() {
        Library lib = CompiledProgramTest.lib(2, false, "add", "mul", "sin", "2.5", "const");
        // c0·sin(x1·x2) + c1: the loads of c0 and c1 and the two instructions above them remain
        CompiledProgram p = CompiledProgram.compile(CompiledProgramTest.tr(lib, "add,mul,const,sin,mul,x1,x2,const"), lib);
        double[][] x = {{1, 2, 3}, {0.5, -1, 2}};
        FitProgram f = p.forFit(x, 3, new Workspace());
        assertEquals(6, p.instructionCount());
        assertEquals(4, f.instructionCount());
        double[] c = {2, 3};
        double[][] jac = new double[3][2];
        double[] y = f.evaluateWithJacobian(c, jac);
        for (int i = 0; i < 3; i++) {
            double s = Math.sin(x[0][i] * x[1][i]);
            assertEquals(2 * s + 3, y[i], 0.0);
            assertEquals(s, jac[i][0], 0.0);
            assertEquals(1, jac[i][1], 0.0);
        }
    }

    /** Random programs over every built-in: values, Jacobians (by rows and columns) and validity bit for bit. */
    @Test
    void sameBitsAsTheWholeProgram() {
        Library lib = LibraryBuilder.build(2, CompiledProgramTest.ALL, false, BuiltinTokensPlugin.factories());
        Rng rng = new Rng(5);
        int rows = 13;
        double[][] x = new double[2][rows];
        for (double[] col : x) for (int i = 0; i < rows; i++) col[i] = rng.nextDouble() * 6 - 3;
        Workspace whole = new Workspace(), split = new Workspace();
        int valid = 0, invalid = 0, shorter = 0;
        for (int n = 0; n < 3000; n++) {
            int[] t = RandomTraversals.next(lib, rng, 2, 30);
            int nc = Programs.constCount(t, lib);
            if (nc == 0) continue;
            CompiledProgram p = CompiledProgram.compile(t, lib);
            FitProgram f = p.forFit(x, rows, split);
            if (f.instructionCount() < p.instructionCount()) shorter++;
            for (int rep = 0; rep < 3; rep++) {
                double[] c = new double[nc];
                for (int j = 0; j < nc; j++) c[j] = rep == 2 && j == 0 ? Double.NaN : rng.nextDouble() * 4 - 2;
                double[][] jac = new double[rows][nc], jacF = new double[rows][nc];
                double[] y = copy(p.evaluateWithJacobian(x, rows, c, whole, jac), rows);
                double[] yF = copy(f.evaluateWithJacobian(c, jacF), rows);
                double[][] cols = new double[nc][rows];
                double[] yC = copy(f.evaluateWithJacobianColumns(c, cols), rows);
                double[] yV = copy(f.evaluate(c), rows);
                if (y == null) {
                    assertNull(yF);
                    assertNull(yC);
                    assertNull(yV);
                    invalid++;
                    continue;
                }
                valid++;
                assertBits(y, yF);
                assertBits(y, yC);
                assertBits(y, yV);
                for (int i = 0; i < rows; i++) {
                    assertBits(jac[i], jacF[i]);
                    for (int j = 0; j < nc; j++) {
                        assertEquals(Double.doubleToRawLongBits(jac[i][j]), Double.doubleToRawLongBits(cols[j][i]));
                    }
                }
            }
        }
        assertTrue(valid > 1000 && invalid > 300 && shorter > 500, valid + " valid, " + invalid + " invalid, "
                + shorter + " shortened");
    }

    private static double[] copy(double[] y, int rows) {
        return y == null ? null : Arrays.copyOf(y, rows);
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertArrayEquals(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray());
    }
}
