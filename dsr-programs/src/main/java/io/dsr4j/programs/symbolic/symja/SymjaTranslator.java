package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.data.BenchmarkExpression;
import io.dsr4j.programs.symbolic.Rationals;
import io.dsr4j.programs.symbolic.SymbolicProgram;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Programs and benchmark expressions as Symja expressions.
 *
 * <p>Protected operators ({@code protectedGuards}): each is translated to the formula it equals wherever its guard
 * is inactive — {@code div} → a/b (|b| > 0.001), {@code log} → log|a| (|a| > 0.001), {@code sqrt} → √|a|,
 * {@code exp} → eᵃ (a < 100), {@code inv} → 1/a, {@code n2..n4} → powers (|a| < 10⁶). Whether the guards stay inactive
 * on the data is not assumed: simplified forms are checked against the raw program's values on the data.
 */
final class SymjaTranslator {

    /** A token the translation does not know. */
    static final class UnsupportedToken extends RuntimeException {
        UnsupportedToken(String name) {
            super("no symbolic meaning for token '" + name + "'");
        }
    }

    private SymjaTranslator() { }

    /**
     * @param protectedGuards translate protected operators by their guarded formulas (log|a|, √|a|) instead of the
     *                        plain ones they print as
     * @param rationalize     numbers as the simplest rationals within a relative 1e-6 instead of machine reals
     */
    static IExpr program(SymbolicProgram p, boolean protectedGuards, boolean rationalize) {
        List<SymbolicProgram.Item> items = p.tokens();
        Deque<IExpr> stack = new ArrayDeque<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            SymbolicProgram.Item it = items.get(i);
            if (it.name().equals(SymbolicProgram.NUMBER)) {
                stack.push(number(it.value(), rationalize));
            } else if (it.arity() == 0) {
                if (!it.name().matches("x[1-9][0-9]*")) throw new UnsupportedToken(it.name());
                stack.push(F.symbol(it.name()));
            } else {
                if (stack.size() < it.arity()) throw new IllegalArgumentException("incomplete traversal");
                IExpr a = stack.pop();
                IExpr b = it.arity() > 1 ? stack.pop() : null;
                if (it.arity() > 2) throw new UnsupportedToken(it.name());
                stack.push(function(it.name(), a, b, p.protectedMode() && protectedGuards));
            }
        }
        if (stack.size() != 1) throw new IllegalArgumentException("not one complete expression");
        return stack.pop();
    }

    /** The benchmark's expression with its decimals read exactly (3.39 = 339/100). */
    static IExpr target(BenchmarkExpression e) {
        return e.accept(new BenchmarkExpression.Visitor<IExpr>() {
            @Override
            public IExpr number(String text, double value) {
                if (text.equals("pi")) return F.Pi;
                BigInteger[] q = Rationals.exact(text);
                return F.fraction(q[0], q[1]);
            }

            @Override
            public IExpr variable(int index) {
                return F.symbol("x" + (index + 1));
            }

            @Override
            public IExpr call(String name, List<IExpr> args) {
                return function(name, args.get(0), args.size() > 1 ? args.get(1) : null, false);
            }
        });
    }

    /** True when every number in the expression is an integer or pi (Nguyen's targets): no constant to fit. */
    static boolean constantFree(BenchmarkExpression e) {
        return e.accept(new BenchmarkExpression.Visitor<Boolean>() {
            @Override
            public Boolean number(String text, double value) {
                return text.equals("pi") || value == Math.rint(value);
            }

            @Override
            public Boolean variable(int index) {
                return true;
            }

            @Override
            public Boolean call(String name, List<Boolean> args) {
                return args.stream().allMatch(b -> b);
            }
        });
    }

    private static IExpr number(double v, boolean rationalize) {
        if (Double.isNaN(v)) throw new UnsupportedToken("const (no fitted value)");
        if (rationalize) {
            long[] q = Rationals.simplest(v, 1e-6);
            if (q != null) return F.QQ(q[0], q[1]);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return F.ZZ((long) v);
        return F.num(v);
    }

    static IExpr function(String name, IExpr a, IExpr b, boolean guards) {
        return switch (name) {
            case "add" -> F.Plus(a, b);
            case "sub" -> F.Subtract(a, b);
            case "mul" -> F.Times(a, b);
            case "div" -> F.Divide(a, b);
            case "pow" -> F.Power(a, b);
            case "sin" -> F.Sin(a);
            case "cos" -> F.Cos(a);
            case "tan" -> F.Tan(a);
            case "tanh" -> F.Tanh(a);
            case "exp" -> F.Exp(a);
            case "log", "ln" -> F.Log(guards ? F.Abs(a) : a);
            case "sqrt" -> F.Sqrt(guards ? F.Abs(a) : a);
            case "n2" -> F.Power(a, F.ZZ(2));
            case "n3" -> F.Power(a, F.ZZ(3));
            case "n4" -> F.Power(a, F.ZZ(4));
            case "neg" -> F.Negate(a);
            case "abs" -> F.Abs(a);
            case "inv" -> F.Power(a, F.CN1);
            case "logabs" -> F.Log(F.Abs(a));
            case "expneg" -> F.Exp(F.Negate(a));
            case "sigmoid" -> F.Power(F.Plus(F.C1, F.Exp(F.Negate(a))), F.CN1);
            case "harmonic" -> F.HarmonicNumber(a);
            case "max" -> F.Max(a, b);
            case "min" -> F.Min(a, b);
            default -> throw new UnsupportedToken(name);
        };
    }
}
