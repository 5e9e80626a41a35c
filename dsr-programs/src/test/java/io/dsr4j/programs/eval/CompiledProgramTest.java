package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFactory;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.token.BuiltinTokensPlugin;
import io.dsr4j.programs.token.LibraryBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompiledProgramTest {

    static final List<String> ALL = List.of("add", "sub", "mul", "div", "sin", "cos", "tan", "exp", "log", "sqrt", "n2",
            "n3", "n4", "neg", "abs", "inv", "tanh", "logabs", "expneg", "sigmoid", "harmonic", "max", "min", "2.5",
            "const");

    static Library lib(int inputs, boolean prot, String... fs) {
        return LibraryBuilder.build(inputs, List.of(fs), prot, BuiltinTokensPlugin.factories());
    }

    static int[] tr(Library lib, String s) {
        return Arrays.stream(s.split(",")).mapToInt(n -> {
            int i = lib.indexOf(n.trim());
            if (i < 0) throw new IllegalArgumentException(n);
            return i;
        }).toArray();
    }

    static double[] eval(Library lib, String traversal, double[][] x, double... consts) {
        CompiledProgram p = CompiledProgram.compile(tr(lib, traversal), lib);
        double[] y = p.evaluate(x, x[0].length, consts, new Workspace());
        return y == null ? null : Arrays.copyOf(y, x[0].length);
    }

    @Test
    void evaluatesSimpleExpressions() {
        Library lib = lib(2, false, "add", "sub", "mul", "div", "sin", "const", "1.0");
        double[][] x = {{1, 2, 3}, {4, 5, 6}};
        assertArrayEquals(new double[] {-3, -3, -3}, eval(lib, "sub,x1,x2", x));
        assertArrayEquals(new double[] {0.25, 0.4, 0.5}, eval(lib, "div,x1,x2", x));
        // x1*x1*x1 + x1*x1 + x1 (Nguyen-1)
        assertArrayEquals(new double[] {3, 14, 39}, eval(lib, "add,mul,x1,mul,x1,x1,add,mul,x1,x1,x1", x));
        assertArrayEquals(new double[] {2.5 * 4 - 1, 2.5 * 5 - 1, 2.5 * 6 - 1}, eval(lib, "sub,mul,const,x2,1.0", x, 2.5));
        assertArrayEquals(new double[] {Math.sin(1) - 7, Math.sin(2) - 7, Math.sin(3) - 7}, eval(lib, "sub,sin,x1,const", x, 7));
        assertArrayEquals(new double[] {3, 3, 3}, eval(lib, "const", x, 3));
    }

    @Test
    void inputProgramReturnsTheColumnItself() {
        Library lib = lib(2, false, "add");
        double[][] x = {{1, 2}, {3, 4}};
        CompiledProgram p = CompiledProgram.compile(tr(lib, "x2"), lib);
        assertSame(x[1], p.evaluate(x, 2, null, new Workspace()));
        assertEquals(0, p.instructionCount());
    }

    @Test
    void predictMarksOnlyTheNonFiniteRows() {
        Library lib = lib(1, false, "add", "sub", "mul", "div", "exp", "log", "inv", "const");
        double[][] x = {{-1.0, 0.0, 1.0, 1000.0, Math.E}};
        // log(x1): NaN at -1, -inf at 0 → NaN; the finite rows equal what evaluate gives on them alone
        double[] y = CompiledProgram.compile(tr(lib, "log,x1"), lib).predict(x, 5, null, new Workspace());
        assertTrue(Double.isNaN(y[0]) && Double.isNaN(y[1]));
        assertEquals(0.0, y[2]);
        assertEquals(Math.log(1000.0), y[3]);
        assertEquals(1.0, y[4]);
        // inv(exp(x1)): 1/inf = 0 hides the overflow at 1000, which is still NaN
        double[] z = CompiledProgram.compile(tr(lib, "inv,exp,x1"), lib).predict(x, 5, null, new Workspace());
        assertEquals(1 / Math.exp(-1.0), z[0]);
        assertTrue(Double.isNaN(z[3]));
        assertEquals(eval(lib, "inv,exp,x1", new double[][] {{1.0}})[0], z[2]);
        // a non-finite constant: every row NaN
        double[] c = CompiledProgram.compile(tr(lib, "add,x1,const"), lib).predict(x, 5, new double[] {Double.NaN}, new Workspace());
        for (double v : c) assertTrue(Double.isNaN(v));
    }

    @Test
    void nonFiniteIntermediatesMakeProgramsInvalid() {
        Library lib = lib(1, false, "add", "sub", "mul", "div", "exp", "log", "inv", "tanh", "max", "sqrt");
        double[][] zero = {{0.0, 1.0}};
        assertNull(eval(lib, "log,x1", zero));                     // log(0) = -inf
        assertNull(eval(lib, "div,x1,sub,x1,x1", new double[][] {{1, 2}})); // 0/0 and 1/0
        assertNull(eval(lib, "max,x1,log,x1", zero));              // hidden by max
        assertNull(eval(lib, "inv,exp,x1", new double[][] {{1000}})); // 1/inf = 0 hides the overflow
        assertNull(eval(lib, "tanh,exp,x1", new double[][] {{1000}}));
        assertNull(eval(lib, "div,x1,exp,x1", new double[][] {{1000}}));
        assertNull(eval(lib, "sqrt,x1", new double[][] {{-1}}));
        assertNull(eval(lib, "mul,exp,x1,exp,x1", new double[][] {{400}})); // overflow of a product
        // underflow is NOT a fault (the reference would flag these)
        assertArrayEquals(new double[] {0.0}, eval(lib, "exp,x1", new double[][] {{-1000}}));
        assertArrayEquals(new double[] {1.0}, eval(lib, "add,exp,x1,exp,exp,x1", new double[][] {{-1000}}));
        assertArrayEquals(new double[] {1e-300 * 1e-300}, eval(lib, "mul,x1,x1", new double[][] {{1e-300}}));
    }

    @Test
    void protectedModeStillRejectsOverflowButNotGuardedFaults() {
        Library lib = lib(1, true, "div", "log", "mul", "exp");
        assertArrayEquals(new double[] {0.0, 0.0}, eval(lib, "log,x1", new double[][] {{0.0, 0.0005}}));
        assertArrayEquals(new double[] {1.0}, eval(lib, "div,x1,x1", new double[][] {{0.0}}));
        assertNull(eval(lib, "mul,x1,x1", new double[][] {{1e200}}));
        // the protected exp hides a non-finite argument (inf >= 100 -> 0): still invalid
        assertNull(eval(lib, "exp,mul,x1,x1", new double[][] {{1e200}}));
    }

    @Test
    void nonFiniteConstantsAreInvalid() {
        Library lib = lib(1, false, "add", "const");
        CompiledProgram p = CompiledProgram.compile(tr(lib, "add,x1,const"), lib);
        assertNull(p.evaluate(new double[][] {{1}}, 1, new double[] {Double.NaN}, new Workspace()));
        assertThrows(IllegalArgumentException.class, () -> p.evaluate(new double[][] {{1}}, 1, null, new Workspace()));
    }

    @Test
    void rejectsIncompleteTraversals() {
        Library lib = lib(1, false, "add");
        assertThrows(IllegalArgumentException.class, () -> CompiledProgram.compile(tr(lib, "add,x1"), lib));
        assertThrows(IllegalArgumentException.class, () -> CompiledProgram.compile(tr(lib, "x1,x1"), lib));
        assertThrows(IllegalArgumentException.class, () -> CompiledProgram.compile(new int[0], lib));
    }

    @Test
    void matchesNaiveInterpreterOnRandomPrograms() {
        for (boolean prot : new boolean[] {false, true}) {
            Library lib = LibraryBuilder.build(3, ALL, prot, BuiltinTokensPlugin.factories());
            Rng rng = new Rng(42);
            int rows = 17;
            double[][] x = new double[3][rows];
            for (double[] c : x) for (int i = 0; i < rows; i++) c[i] = rng.nextDouble() * 6 - 3;
            Workspace ws = new Workspace();
            int valid = 0, invalid = 0;
            for (int k = 0; k < 3000; k++) {
                int[] t = RandomTraversals.next(lib, rng, 1, 40);
                int nc = Programs.constCount(t, lib);
                double[] c = new double[nc];
                for (int j = 0; j < nc; j++) c[j] = rng.nextDouble() * 4 - 2;
                CompiledProgram p = CompiledProgram.compile(t, lib);
                double[] y = p.evaluate(x, rows, c, ws);
                NaiveInterpreter ref = new NaiveInterpreter(lib, t, x, c, rows);
                double[] expected = ref.run();
                if (ref.nonFinite) {
                    assertNull(y, () -> "should be invalid: " + lib.names() + Arrays.toString(t));
                    invalid++;
                } else {
                    assertNotNull(y, () -> "should be valid: " + Arrays.toString(t));
                    for (int i = 0; i < rows; i++) assertEquals(expected[i], y[i], 0.0);
                    valid++;
                }
            }
            assertTrue(valid > 1000 && invalid > 100, valid + " valid, " + invalid + " invalid");
        }
    }

    @Test
    void jacobianByColumnsIsTheJacobianByRowsTransposed() {
        Library lib = LibraryBuilder.build(2, ALL, false, BuiltinTokensPlugin.factories());
        Rng rng = new Rng(11);
        int rows = 9;
        double[][] x = new double[2][rows];
        for (double[] col : x) for (int i = 0; i < rows; i++) col[i] = rng.nextDouble() * 4 - 2;
        Workspace ws = new Workspace();
        int valid = 0;
        for (int n = 0; n < 2000; n++) {
            int[] t = RandomTraversals.next(lib, rng, 2, 25);
            int nc = Programs.constCount(t, lib);
            if (nc == 0) continue;
            CompiledProgram p = CompiledProgram.compile(t, lib);
            double[] c = new double[nc];
            for (int j = 0; j < nc; j++) c[j] = rng.nextDouble() * 4 - 2;
            double[][] jac = new double[rows][nc];
            double[] y = p.evaluateWithJacobian(x, rows, c, ws, jac);
            double[] y0 = y == null ? null : Arrays.copyOf(y, rows);
            double[][] cols = new double[nc][rows];
            double[] y1 = p.evaluateWithJacobianColumns(x, rows, c, ws, cols);
            if (y0 == null) {
                assertNull(y1);
                continue;
            }
            valid++;
            assertArrayEquals(y0, Arrays.copyOf(y1, rows), 0.0);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < nc; j++) assertEquals(jac[i][j], cols[j][i], 0.0);
            }
        }
        assertTrue(valid > 300, valid + " valid programs");
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        Library lib = LibraryBuilder.build(2, ALL, false, BuiltinTokensPlugin.factories());
        Rng rng = new Rng(7);
        int rows = 11;
        double[][] x = new double[2][rows];
        for (double[] col : x) for (int i = 0; i < rows; i++) col[i] = rng.nextDouble() * 2 + 0.5;
        Workspace ws = new Workspace();
        int checked = 0;
        while (checked < 300) {
            int[] t = RandomTraversals.next(lib, rng, 2, 25);
            int nc = Programs.constCount(t, lib);
            if (nc == 0) continue;
            CompiledProgram p = CompiledProgram.compile(t, lib);
            double[] c = new double[nc];
            for (int j = 0; j < nc; j++) c[j] = rng.nextDouble() + 0.5;
            double[][] jac = new double[rows][nc];
            double[] y = p.evaluateWithJacobian(x, rows, c, ws, jac);
            if (y == null) {
                assertNull(p.evaluate(x, rows, c, ws));
                continue;
            }
            double[] y0 = Arrays.copyOf(y, rows);
            assertArrayEquals(y0, Arrays.copyOf(p.evaluate(x, rows, c, ws), rows), 0.0);
            boolean smooth = true;
            double[][] fd = new double[rows][nc];
            for (int j = 0; j < nc && smooth; j++) {
                // Richardson-extrapolated central differences; skipped where two step sizes disagree (the
                // function varies too fast for differences to mean anything, e.g. sin of a huge argument)
                double h = 1e-5 * Math.max(1, Math.abs(c[j]));
                double[] d1 = central(p, x, rows, c, j, h, ws), d2 = central(p, x, rows, c, j, h / 2, ws);
                if (d1 == null || d2 == null) { smooth = false; break; }
                for (int i = 0; i < rows; i++) {
                    if (Math.abs(d1[i] - d2[i]) > 1e-4 * Math.max(1, Math.abs(d2[i]))) smooth = false;
                    fd[i][j] = (4 * d2[i] - d1[i]) / 3;
                }
            }
            if (!smooth) continue;
            // Compare only where the function is smooth enough for central differences to be meaningful.
            boolean wellConditioned = true;
            for (int i = 0; i < rows; i++) for (int j = 0; j < nc; j++) {
                if (!Double.isFinite(jac[i][j]) || Math.abs(jac[i][j]) > 1e4) wellConditioned = false;
            }
            if (!wellConditioned) continue;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < nc; j++) {
                    double scale = Math.max(1, Math.abs(jac[i][j]));
                    final int ii = i, jj = j;
                    // harmonic's integral branch and max/min kinks can make differences disagree legitimately
                    // differences cannot resolve less than ~eps*|y|/h (huge outputs)
                    double roundOff = 1e-10 * Math.abs(y0[i]) / (1e-5 * Math.max(1, Math.abs(c[j])));
                    if (Math.abs(fd[i][j] - jac[i][j]) > 1e-5 * scale + roundOff) {
                        throw new AssertionError("Jacobian mismatch for " + Arrays.toString(lib.names().toArray()) + " "
                                + Arrays.toString(t) + " at (" + ii + "," + jj + "): " + jac[ii][jj] + " vs " + fd[ii][jj]);
                    }
                }
            }
            checked++;
        }
    }

    private static double[] central(CompiledProgram p, double[][] x, int rows, double[] c, int j, double h, Workspace ws) {
        double[] cp = c.clone(), cm = c.clone();
        cp[j] += h;
        cm[j] -= h;
        double[] yp = p.evaluate(x, rows, cp, ws);
        if (yp == null) return null;
        yp = yp.clone();
        double[] ym = p.evaluate(x, rows, cm, ws);
        if (ym == null) return null;
        double[] d = new double[rows];
        for (int i = 0; i < rows; i++) d[i] = (yp[i] - ym[i]) / (2 * h);
        return d;
    }

    @Test
    void jacobianOfKnownExpression() {
        // y = c0 * sin(c1 * x1) + c2
        Library lib = lib(1, false, "add", "mul", "sin", "const");
        CompiledProgram p = CompiledProgram.compile(tr(lib, "add,mul,const,sin,mul,const,x1,const"), lib);
        assertEquals(3, p.constantCount());
        double[][] x = {{0.3, -1.2, 2.0}};
        double[] c = {1.5, 0.7, -0.4};
        double[][] jac = new double[3][3];
        double[] y = p.evaluateWithJacobian(x, 3, c, new Workspace(), jac);
        for (int i = 0; i < 3; i++) {
            double xi = x[0][i];
            assertEquals(1.5 * Math.sin(0.7 * xi) - 0.4, y[i], 1e-15);
            assertEquals(Math.sin(0.7 * xi), jac[i][0], 1e-15);
            assertEquals(1.5 * Math.cos(0.7 * xi) * xi, jac[i][1], 1e-15);
            assertEquals(1.0, jac[i][2], 0.0);
        }
    }

    @Test
    void pluginTokensWorkThroughTheInterface() {
        // a plugin token without analytic partials: sinc(x) = sin(x)/x, finite-difference default partials
        Token sinc = new Token() {
            public String name() { return "sinc"; }
            public int arity() { return 1; }
            public TokenKind kind() { return TokenKind.FUNCTION; }
            public double complexity() { return 3; }
            public void apply(double[] a, double[] b, double[] out, int n) {
                for (int i = 0; i < n; i++) out[i] = a[i] == 0 ? 1 : Math.sin(a[i]) / a[i];
            }
        };
        Map<String, TokenFactory> f = new HashMap<>(BuiltinTokensPlugin.factories());
        f.put("sinc", prot -> sinc);
        Library lib = LibraryBuilder.build(1, List.of("mul", "sinc", "const"), false, f);
        CompiledProgram p = CompiledProgram.compile(tr(lib, "sinc,mul,const,x1"), lib);
        double[][] x = {{0.5, 2.0}};
        double[][] jac = new double[2][1];
        double[] y = p.evaluateWithJacobian(x, 2, new double[] {1.3}, new Workspace(), jac);
        for (int i = 0; i < 2; i++) {
            double u = 1.3 * x[0][i];
            assertEquals(Math.sin(u) / u, y[i], 1e-15);
            double d = (Math.cos(u) * u - Math.sin(u)) / (u * u) * x[0][i];
            assertEquals(d, jac[i][0], 1e-8);
        }
    }

    @Test
    void workspaceGrowsAndIsReused() {
        Library lib = lib(1, false, "add", "mul", "sin");
        CompiledProgram p = CompiledProgram.compile(tr(lib, "add,sin,x1,mul,x1,x1"), lib);
        Workspace ws = new Workspace(2, 1);
        double[] small = p.evaluate(new double[][] {{1, 2}}, 2, null, ws);
        assertEquals(Math.sin(2) + 4, small[1], 1e-15);
        double[] big = new double[1000];
        for (int i = 0; i < big.length; i++) big[i] = i * 0.01;
        double[] y = p.evaluate(new double[][] {big}, 1000, null, ws);
        assertEquals(Math.sin(9.99) + 9.99 * 9.99, y[999], 1e-12);
        assertTrue(ws.rowCapacity() >= 1000);
        double[] again = p.evaluate(new double[][] {{1, 2}}, 2, null, ws);
        assertSame(y, again); // same register, no new allocation
    }
}
