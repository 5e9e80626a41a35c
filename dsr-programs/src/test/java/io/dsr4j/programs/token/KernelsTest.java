package io.dsr4j.programs.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelsTest {

    /** Edge values: zero, the protected thresholds and just beyond them, large, non-finite. */
    static final double[] EDGES = {0.0, -0.0, 1e-4, -1e-4, 0.001, -0.001, Math.nextUp(0.001), -Math.nextUp(0.001),
            Math.nextDown(0.001), 1.0, -1.0, 0.5, -2.3, 3.7, 99.999, 100, -100, Math.nextUp(-100.0), -99.999, 100.001,
            -100.001, 1e6, -1e6, Math.nextDown(1e6), -Math.nextDown(1e6), 1e300, -1e300, 710, -710, 1000, -1000,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    static double[] apply(int op, double[] a, double[] b) {
        double[] out = new double[a.length];
        Kernels.apply(op, a, b, out, a.length);
        return out;
    }

    static void assertUnary(int op, DoubleUnaryOperator expected) {
        double[] out = apply(op, EDGES, null);
        for (int i = 0; i < EDGES.length; i++) {
            double e = expected.applyAsDouble(EDGES[i]);
            double at = EDGES[i];
            assertEquals(e, out[i], 0.0, () -> "opcode " + op + " at " + at);
            assertEquals(Double.doubleToLongBits(e) == Double.doubleToLongBits(-0.0),
                    Double.doubleToLongBits(out[i]) == Double.doubleToLongBits(-0.0), "sign of zero, opcode " + op);
        }
    }

    static void assertBinary(int op, DoubleBinaryOperator expected) {
        int n = EDGES.length * EDGES.length;
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < EDGES.length; i++) {
            for (int j = 0; j < EDGES.length; j++) {
                a[i * EDGES.length + j] = EDGES[i];
                b[i * EDGES.length + j] = EDGES[j];
            }
        }
        double[] out = apply(op, a, b);
        for (int k = 0; k < n; k++) {
            final int kk = k;
            assertEquals(expected.applyAsDouble(a[k], b[k]), out[k], 0.0, () -> "opcode " + op + " at " + a[kk] + ", " + b[kk]);
        }
    }

    @Test
    void plainFunctionsMatchJavaMath() {
        assertBinary(Kernels.ADD, Double::sum);
        assertBinary(Kernels.SUB, (x, y) -> x - y);
        assertBinary(Kernels.MUL, (x, y) -> x * y);
        assertBinary(Kernels.DIV, (x, y) -> x / y);
        assertBinary(Kernels.MAX, Math::max);
        assertBinary(Kernels.MIN, Math::min);
        assertUnary(Kernels.SIN, Math::sin);
        assertUnary(Kernels.COS, Math::cos);
        assertUnary(Kernels.TAN, Math::tan);
        assertUnary(Kernels.EXP, Math::exp);
        assertUnary(Kernels.LOG, Math::log);
        assertUnary(Kernels.SQRT, Math::sqrt);
        assertUnary(Kernels.N2, x -> x * x);
        assertUnary(Kernels.N3, x -> x * x * x);
        assertUnary(Kernels.N4, x -> (x * x) * (x * x));
        assertUnary(Kernels.NEG, x -> -x);
        assertUnary(Kernels.ABS, Math::abs);
        assertUnary(Kernels.INV, x -> 1 / x);
        assertUnary(Kernels.TANH, Math::tanh);
        assertUnary(Kernels.LOGABS, x -> Math.log(Math.abs(x)));
        assertUnary(Kernels.EXPNEG, x -> Math.exp(-x));
        assertUnary(Kernels.SIGMOID, x -> 1 / (1 + Math.exp(-x)));
    }

    @Test
    void protectedFunctionsMatchTheirDefinitionsOnAllEdges() {
        assertBinary(Kernels.PDIV, (x, y) -> Math.abs(y) > 0.001 ? x / y : 1.0);
        assertUnary(Kernels.PEXP, x -> x < 100 ? Math.exp(x) : 0.0);
        assertUnary(Kernels.PLOG, x -> Math.abs(x) > 0.001 ? Math.log(Math.abs(x)) : 0.0);
        assertUnary(Kernels.PSQRT, x -> Math.sqrt(Math.abs(x)));
        assertUnary(Kernels.PINV, x -> Math.abs(x) > 0.001 ? 1 / x : 0.0);
        assertUnary(Kernels.PEXPNEG, x -> x > -100 ? Math.exp(-x) : 0.0);
        assertUnary(Kernels.PN2, x -> Math.abs(x) < 1e6 ? x * x : 0.0);
        assertUnary(Kernels.PN3, x -> Math.abs(x) < 1e6 ? x * x * x : 0.0);
        assertUnary(Kernels.PN4, x -> Math.abs(x) < 1e6 ? (x * x) * (x * x) : 0.0);
        assertUnary(Kernels.PSIGMOID, x -> x > -100 ? 1 / (1 + Math.exp(-x)) : Math.exp(x));
        // protected functions map every finite argument to a finite value
        for (int op : new int[] {Kernels.PEXP, Kernels.PLOG, Kernels.PSQRT, Kernels.PINV, Kernels.PEXPNEG, Kernels.PN2,
                Kernels.PN3, Kernels.PN4, Kernels.PSIGMOID}) {
            double[] out = apply(op, EDGES, null);
            for (int i = 0; i < EDGES.length; i++) {
                if (Double.isFinite(EDGES[i])) assertTrue(Double.isFinite(out[i]), "opcode " + op + " at " + EDGES[i]);
            }
        }
    }

    @Test
    void unprotectedFaultsGiveNonFiniteValues() {
        assertEquals(Double.NEGATIVE_INFINITY, apply(Kernels.LOG, new double[] {0}, null)[0]);
        assertTrue(Double.isNaN(apply(Kernels.LOG, new double[] {-1}, null)[0]));
        assertTrue(Double.isNaN(apply(Kernels.SQRT, new double[] {-1}, null)[0]));
        assertEquals(Double.POSITIVE_INFINITY, apply(Kernels.EXP, new double[] {710}, null)[0]);
        assertEquals(Double.POSITIVE_INFINITY, apply(Kernels.DIV, new double[] {1}, new double[] {0})[0]);
        assertEquals(Double.POSITIVE_INFINITY, apply(Kernels.INV, new double[] {0}, null)[0]);
    }

    @Test
    void protectedFallbacksUseStrictThresholds() {
        // div: a/b if |b| > 0.001 else 1
        double[] b = {0.001, -0.001, Math.nextUp(0.001), 0, 1e-4, Double.NaN, -0.5};
        double[] a = {3, 3, 3, 3, 3, 3, 3};
        double[] pd = apply(Kernels.PDIV, a, b);
        assertEquals(1.0, pd[0]);
        assertEquals(1.0, pd[1]);
        assertEquals(3 / Math.nextUp(0.001), pd[2]);
        assertEquals(1.0, pd[3]);
        assertEquals(1.0, pd[4]);
        assertEquals(1.0, pd[5]);
        assertEquals(-6.0, pd[6]);
        // exp: exp(x) if x < 100 else 0
        double[] pe = apply(Kernels.PEXP, new double[] {100, Math.nextDown(100.0), 1000, -1000}, null);
        assertEquals(0.0, pe[0]);
        assertEquals(Math.exp(Math.nextDown(100.0)), pe[1]);
        assertEquals(0.0, pe[2]);
        assertEquals(0.0, pe[3]);
        // log: log|x| if |x| > 0.001 else 0
        double[] pl = apply(Kernels.PLOG, new double[] {0.001, -0.001, 0, -2, Math.nextUp(0.001)}, null);
        assertEquals(0.0, pl[0]);
        assertEquals(0.0, pl[1]);
        assertEquals(0.0, pl[2]);
        assertEquals(Math.log(2), pl[3]);
        assertEquals(Math.log(Math.nextUp(0.001)), pl[4]);
        // sqrt: sqrt|x|
        double[] ps = apply(Kernels.PSQRT, new double[] {-4, 9, 0}, null);
        assertEquals(2.0, ps[0]);
        assertEquals(3.0, ps[1]);
        assertEquals(0.0, ps[2]);
        // inv: 1/x if |x| > 0.001 else 0
        double[] pi = apply(Kernels.PINV, new double[] {0.001, -0.001, 0, -4, Math.nextUp(0.001)}, null);
        assertEquals(0.0, pi[0]);
        assertEquals(0.0, pi[1]);
        assertEquals(0.0, pi[2]);
        assertEquals(-0.25, pi[3]);
        assertEquals(1 / Math.nextUp(0.001), pi[4]);
        // expneg: exp(-x) if x > -100 else 0
        double[] pn = apply(Kernels.PEXPNEG, new double[] {-100, Math.nextUp(-100.0), 1000}, null);
        assertEquals(0.0, pn[0]);
        assertEquals(Math.exp(-Math.nextUp(-100.0)), pn[1]);
        assertEquals(0.0, pn[2]);
        // n2, n3, n4: x^k if |x| < 1e6 else 0
        double below = Math.nextDown(1e6);
        double[] xs = {1e6, -1e6, below, -below, 2};
        double[] p2 = apply(Kernels.PN2, xs, null), p3 = apply(Kernels.PN3, xs, null), p4 = apply(Kernels.PN4, xs, null);
        for (double[] p : new double[][] {p2, p3, p4}) {
            assertEquals(0.0, p[0]);
            assertEquals(0.0, p[1]);
        }
        assertEquals(below * below, p2[2]);
        assertEquals(-below * below * below, p3[3]);
        assertEquals((below * below) * (below * below), p4[2]);
        assertEquals(4.0, p2[4]);
        assertEquals(8.0, p3[4]);
        assertEquals(16.0, p4[4]);
        // The plain variants overflow instead.
        assertEquals(Double.POSITIVE_INFINITY, apply(Kernels.N4, new double[] {1e80}, null)[0]);
    }

    @Test
    void protectedSigmoidTendsToZeroBelowMinus100() {
        double[] x = {-100, -1000, Math.nextUp(-100.0), 0, 50};
        double[] s = apply(Kernels.PSIGMOID, x, null);
        assertEquals(Math.exp(-100), s[0], 0.0);   // the reference gives 1.0 here
        assertEquals(0.0, s[1], 0.0);               // exp(-1000) underflows to 0: finite, no fault
        assertEquals(1 / (1 + Math.exp(-Math.nextUp(-100.0))), s[2], 0.0);
        assertEquals(0.5, s[3], 0.0);
        assertEquals(1 / (1 + Math.exp(-50)), s[4], 0.0);
        // continuous at the switch: relative jump below 1e-40
        assertEquals(s[0], s[2], s[0] * 1e-12);
    }

    @Test
    void harmonicIsExactOnIntegralColumnsAndAsymptoticOtherwise() {
        double[] out = apply(Kernels.HARMONIC, new double[] {1, 2, 3, 0, -2, 10}, null);
        assertEquals(1.0, out[0]);
        assertEquals(1.5, out[1]);
        assertEquals((double) (float) (1 + 0.5 + 1.0 / 3), out[2]);
        assertEquals(0.0, out[3]);
        assertEquals(0.0, out[4]);
        double h10 = 0;
        for (int d = 1; d <= 10; d++) h10 += 1.0 / d;
        assertEquals((double) (float) h10, out[5]);
        // one non-integral value switches the whole column to the asymptotic formula
        double[] mixed = apply(Kernels.HARMONIC, new double[] {10, 2.5}, null);
        double g = 0.57721566490153286060651209008240243104215933593992;
        assertEquals(g + Math.log(10) + 0.05 - 1.0 / 1200 + 1.0 / 1200000, mixed[0], 1e-15);
        assertEquals(h10, mixed[0], 1e-6);
        assertTrue(Double.isNaN(apply(Kernels.HARMONIC, new double[] {-2.5}, null)[0]));
        // large integral values: float32 of the true H_n
        double[] big = apply(Kernels.HARMONIC, new double[] {5000}, null);
        double h = 0;
        for (int d = 1; d <= 5000; d++) h += 1.0 / d;
        assertEquals((double) (float) h, big[0]);
    }

    @ParameterizedTest
    @EnumSource(Builtin.class)
    void partialsMatchCentralDifferences(Builtin builtin) {
        for (boolean prot : new boolean[] {false, true}) {
            int op = builtin.opcode(prot);
            // Points away from every branch switch and singularity.
            double[] a = {0.37, -0.81, 1.9, 2.7, -3.3, 0.05, 7.5};
            double[] b = {1.3, 0.6, -2.2, 0.45, -1.1, 2.9, -0.3};
            if (builtin == Builtin.LOG || builtin == Builtin.SQRT || builtin == Builtin.HARMONIC) {
                for (int i = 0; i < a.length; i++) a[i] = Math.abs(a[i]) + 0.2;
            }
            int n = a.length;
            double[] da = new double[n], db = new double[n];
            Kernels.partials(op, a, builtin.arity() == 2 ? b : null, da, db, n);
            for (int i = 0; i < n; i++) {
                double h = 1e-6;
                double fa = fd(op, a[i] + h, b[i], builtin.arity()) - fd(op, a[i] - h, b[i], builtin.arity());
                assertEquals(fa / (2 * h), da[i], 1e-6 * Math.max(1, Math.abs(da[i])), builtin + " d/da at " + a[i]);
                if (builtin.arity() == 2) {
                    double fb = fd(op, a[i], b[i] + h, 2) - fd(op, a[i], b[i] - h, 2);
                    assertEquals(fb / (2 * h), db[i], 1e-6 * Math.max(1, Math.abs(db[i])), builtin + " d/db at " + b[i]);
                }
            }
        }
    }

    private static double fd(int op, double x, double y, int arity) {
        double[] out = new double[1];
        Kernels.apply(op, new double[] {x}, arity == 2 ? new double[] {y} : null, out, 1);
        return out[0];
    }

    @Test
    void protectedPartialsFollowTheTakenBranch() {
        double[] da = new double[3], db = new double[3];
        Kernels.partials(Kernels.PDIV, new double[] {2, 2, 2}, new double[] {0.001, 0.5, -0.0005}, da, db, 3);
        assertEquals(0.0, da[0]);
        assertEquals(0.0, db[0]);
        assertEquals(2.0, da[1]);
        assertEquals(-8.0, db[1]);
        assertEquals(0.0, da[2]);
        double[] d = new double[3];
        Kernels.partials(Kernels.PEXP, new double[] {100, 0, 200}, null, d, null, 3);
        assertEquals(0.0, d[0]);
        assertEquals(1.0, d[1]);
        Kernels.partials(Kernels.PLOG, new double[] {0.001, -2, 0.0005}, null, d, null, 3);
        assertEquals(0.0, d[0]);
        assertEquals(-0.5, d[1]);
        assertEquals(0.0, d[2]);
        Kernels.partials(Kernels.PN2, new double[] {1e6, 3, -2e6}, null, d, null, 3);
        assertEquals(0.0, d[0]);
        assertEquals(6.0, d[1]);
        assertEquals(0.0, d[2]);
        Kernels.partials(Kernels.PSQRT, new double[] {-4, 0, 4}, null, d, null, 3);
        assertEquals(-0.25, d[0]);
        assertEquals(0.0, d[1]);
        assertEquals(0.25, d[2]);
        Kernels.partials(Kernels.PEXPNEG, new double[] {-100, 0, 1}, null, d, null, 3);
        assertEquals(0.0, d[0]);
        assertEquals(-1.0, d[1]);
        Kernels.partials(Kernels.PINV, new double[] {0.001, 2, -0.0001}, null, d, null, 3);
        assertEquals(0.0, d[0]);
        assertEquals(-0.25, d[1]);
        assertEquals(0.0, d[2]);
    }

    @Test
    void outputMayAliasInput() {
        double[] a = {1, 2, 3};
        double[] b = {4, 5, 6};
        Kernels.apply(Kernels.SUB, a, b, a, 3);
        assertEquals(-3.0, a[0]);
        assertEquals(-3.0, a[2]);
        Kernels.apply(Kernels.DIV, a, b, b, 3);
        assertEquals(-0.75, b[0]);
        Kernels.apply(Kernels.EXP, a, null, a, 3);
        assertEquals(Math.exp(-3), a[1]);
    }

    @Test
    void propagationTableIsSound() {
        // If an opcode claims to propagate, every non-finite argument value gives a non-finite result.
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] ok = {0.0, -0.0, 1e-300, 0.5, -3, 1e300, -1e300, 0.001, 100, -100};
        for (int op = 0; op < Kernels.COUNT; op++) {
            boolean binary = op == Kernels.ADD || op == Kernels.SUB || op == Kernels.MUL || op == Kernels.DIV
                    || op == Kernels.MAX || op == Kernels.MIN || op == Kernels.PDIV;
            for (int arg = 0; arg < (binary ? 2 : 1); arg++) {
                if (!Kernels.propagatesNonFinite(op, arg)) continue;
                for (double v : bad) {
                    for (double w : ok) {
                        double[] x = {arg == 0 ? v : w};
                        double[] y = {arg == 1 ? v : w};
                        double[] out = new double[1];
                        Kernels.apply(op, x, y, out, 1);
                        assertTrue(!Double.isFinite(out[0]), "opcode " + op + " arg " + arg + " hides " + v + " with " + w);
                    }
                }
            }
        }
    }
}
