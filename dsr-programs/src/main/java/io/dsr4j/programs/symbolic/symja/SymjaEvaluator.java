package io.dsr4j.programs.symbolic.symja;

import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Evaluates a simplified Symja expression in double precision on data rows, to check it against the raw program.
 * Knows the heads that simplification of the project's tokens produces; any other head is an
 * {@link IllegalArgumentException} (the simplified form is then not used).
 */
final class SymjaEvaluator {

    private SymjaEvaluator() { }

    /** Sample points per variable of {@link #mayBeEqual}: deterministic, in (0.1, 3) where log and sqrt are real. */
    private static final int POINTS = 24;

    /**
     * False only if {@code t} and {@code m} certainly differ: at some sample point their values differ (relative 1e-6)
     * and, when {@code ratioToo}, their ratio is not the same at every point. True when it cannot tell (too few points
     * where both are finite, a head it cannot evaluate).
     */
    static boolean mayBeEqual(IExpr t, IExpr m, boolean ratioToo) {
        int vars = Math.max(maxVariable(t), maxVariable(m));
        double[][] x = new double[Math.max(vars, 1)][POINTS];
        long state = 0x9E3779B97F4A7C15L;
        for (int v = 0; v < x.length; v++) {
            for (int i = 0; i < POINTS; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                x[v][i] = 0.1 + 2.9 * ((state >>> 11) / (double) (1L << 53));
            }
        }
        try {
            int finite = 0;
            boolean equal = true, proportional = true;
            double ratio = Double.NaN;
            for (int i = 0; i < POINTS; i++) {
                double a = eval(t, x, i), b = eval(m, x, i);
                if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
                finite++;
                if (Math.abs(a - b) > 1e-6 * (Math.abs(a) + Math.abs(b)) + 1e-12) equal = false;
                if (Math.abs(a) > 1e-9) {
                    double q = b / a;
                    if (Double.isNaN(ratio)) ratio = q;
                    else if (Math.abs(q - ratio) > 1e-6 * Math.abs(ratio)) proportional = false;
                }
            }
            if (finite < POINTS / 2) return true;
            return equal || (ratioToo && proportional && ratio != 0);
        } catch (RuntimeException cannotEvaluate) {
            return true;
        }
    }

    /** Largest n of the symbols x1..xn in {@code e} (0 if none). */
    private static int maxVariable(IExpr e) {
        if (e.isSymbol()) {
            String name = ((ISymbol) e).getSymbolName();
            return name.matches("x[1-9][0-9]*") ? Integer.parseInt(name.substring(1)) : 0;
        }
        int n = 0;
        if (e.isAST()) {
            IAST f = (IAST) e;
            for (int i = 1; i <= f.argSize(); i++) n = Math.max(n, maxVariable(f.getAt(i)));
        }
        return n;
    }

    /** Value at {@code row} of the columns {@code x[var][row]} (variables {@code x1..xn}). */
    static double eval(IExpr e, double[][] x, int row) {
        if (e.isNumber()) {
            if (e.isComplex() || !e.isReal()) throw new IllegalArgumentException("complex number " + e);
            return e.evalDouble();
        }
        if (e.isPi()) return Math.PI;
        if (e.isE()) return Math.E;
        if (e.isSymbol()) {
            String name = ((ISymbol) e).getSymbolName();
            if (!name.matches("x[1-9][0-9]*")) throw new IllegalArgumentException("unknown symbol " + name);
            int i = Integer.parseInt(name.substring(1)) - 1;
            if (i >= x.length) throw new IllegalArgumentException("no data column for " + name);
            return x[i][row];
        }
        if (!e.isAST()) throw new IllegalArgumentException("cannot evaluate " + e);
        IAST f = (IAST) e;
        if (e.isPlus()) {
            double s = 0;
            for (int i = 1; i <= f.argSize(); i++) s += eval(f.getAt(i), x, row);
            return s;
        }
        if (e.isTimes()) {
            double p = 1;
            for (int i = 1; i <= f.argSize(); i++) p *= eval(f.getAt(i), x, row);
            return p;
        }
        if (e.isPower()) {
            IExpr ex = e.exponent();
            if (e.base().isE()) return Math.exp(eval(ex, x, row));
            double b = eval(e.base(), x, row);
            if (ex.isInteger()) {
                double n = ex.evalDouble();
                if (n == 2) return b * b;
                if (n == 3) return b * b * b;
                if (n == -1) return 1 / b;
            }
            double y = eval(ex, x, row);
            if (y == 0.5) return Math.sqrt(b);
            return Math.pow(b, y);
        }
        IExpr head = f.head();
        if (f.argSize() == 1) {
            double a = eval(f.getAt(1), x, row);
            if (head == S.Sin) return Math.sin(a);
            if (head == S.Cos) return Math.cos(a);
            if (head == S.Tan) return Math.tan(a);
            if (head == S.Tanh) return Math.tanh(a);
            if (head == S.Log) return Math.log(a);
            if (head == S.Abs) return Math.abs(a);
            if (head == S.Csc) return 1 / Math.sin(a);
            if (head == S.Sec) return 1 / Math.cos(a);
            if (head == S.Cot) return 1 / Math.tan(a);
            if (head == S.Sinh) return Math.sinh(a);
            if (head == S.Cosh) return Math.cosh(a);
            if (head == S.Coth) return 1 / Math.tanh(a);
            if (head == S.Sech) return 1 / Math.cosh(a);
            if (head == S.Csch) return 1 / Math.sinh(a);
            if (head == S.ArcTan) return Math.atan(a);
            if (head == S.ArcSin) return Math.asin(a);
            if (head == S.ArcCos) return Math.acos(a);
        }
        if (head == S.Max || head == S.Min) {
            double r = eval(f.getAt(1), x, row);
            for (int i = 2; i <= f.argSize(); i++) {
                double v = eval(f.getAt(i), x, row);
                r = head == S.Max ? Math.max(r, v) : Math.min(r, v);
            }
            return r;
        }
        throw new IllegalArgumentException("cannot evaluate " + head);
    }
}
