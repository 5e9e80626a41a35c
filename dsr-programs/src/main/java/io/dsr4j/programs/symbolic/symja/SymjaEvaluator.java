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
