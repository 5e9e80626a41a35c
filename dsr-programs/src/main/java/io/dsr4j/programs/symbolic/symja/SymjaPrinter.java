package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.token.NumberFormat;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.ISymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Symja expressions in the project's three notations, with the conventions of {@code ExpressionPrinter}: readable
 * infix ({@code x1^3 + x1^2 + x1}), LaTeX, and a string SymPy parses ({@code x1**3 + x1**2 + x1}, {@code Abs}, ...).
 * Sums print with their highest powers first and a positive term in front, as SymPy does.
 */
final class SymjaPrinter {

    enum Style { INFIX, LATEX, SYMPY }

    private static final int SUM = 1, PRODUCT = 2, NEG = 3, POWER = 4, ATOM = 5;

    private record Part(String text, int precedence) { }

    /** Head → name in infix, SymPy. LaTeX uses {@code \name} for the trigonometric family. */
    private static final Map<ISymbol, String[]> FUNCTIONS = Map.ofEntries(
            Map.entry(S.Sin, new String[] {"sin", "sin"}), Map.entry(S.Cos, new String[] {"cos", "cos"}),
            Map.entry(S.Tan, new String[] {"tan", "tan"}), Map.entry(S.Tanh, new String[] {"tanh", "tanh"}),
            Map.entry(S.Log, new String[] {"log", "log"}), Map.entry(S.Abs, new String[] {"abs", "Abs"}),
            Map.entry(S.Max, new String[] {"max", "Max"}), Map.entry(S.Min, new String[] {"min", "Min"}),
            Map.entry(S.Csc, new String[] {"csc", "csc"}), Map.entry(S.Sec, new String[] {"sec", "sec"}),
            Map.entry(S.Cot, new String[] {"cot", "cot"}), Map.entry(S.Sinh, new String[] {"sinh", "sinh"}),
            Map.entry(S.Cosh, new String[] {"cosh", "cosh"}), Map.entry(S.Coth, new String[] {"coth", "coth"}),
            Map.entry(S.Sech, new String[] {"sech", "sech"}), Map.entry(S.Csch, new String[] {"csch", "csch"}),
            Map.entry(S.ArcTan, new String[] {"atan", "atan"}), Map.entry(S.ArcSin, new String[] {"asin", "asin"}),
            Map.entry(S.ArcCos, new String[] {"acos", "acos"}),
            Map.entry(S.HarmonicNumber, new String[] {"harmonic", "harmonic"}));

    private final Style style;

    SymjaPrinter(Style style) {
        this.style = style;
    }

    /** @throws IllegalArgumentException for a head or number it cannot print (complex numbers, unknown functions) */
    String print(IExpr e) {
        return part(e).text;
    }

    private Part part(IExpr e) {
        if (e.isNumber()) return number(e);
        if (e.isPi()) return new Part(style == Style.LATEX ? "\\pi" : "pi", ATOM);
        if (e.isE()) return new Part(style == Style.SYMPY ? "E" : "e", ATOM);
        if (e.isSymbol()) {
            String name = ((ISymbol) e).getSymbolName();
            // anything but an input (Indeterminate, ComplexInfinity, ...) is not a usable simplification
            if (!name.matches("x[1-9][0-9]*")) throw new IllegalArgumentException("symbol " + name);
            return new Part(style == Style.LATEX ? "x_{" + name.substring(1) + "}" : name, ATOM);
        }
        if (!e.isAST()) throw new IllegalArgumentException("cannot print " + e);
        if (e.isPlus()) return sum((IAST) e);
        if (e.isTimes()) return product((IAST) e, false);
        if (e.isPower()) return power(e.base(), e.exponent());
        return call((IAST) e);
    }

    private Part number(IExpr e) {
        if (e.isComplex() || !e.isReal()) throw new IllegalArgumentException("complex number " + e);
        String s;
        if (e.isInteger()) {
            s = e.toString();
        } else if (e.isFraction()) {
            IFraction f = (IFraction) e;
            String n = f.numerator().abs().toString(), d = f.denominator().toString();
            String body = style == Style.LATEX ? "\\frac{" + n + "}{" + d + "}" : n + "/" + d;
            boolean neg = f.isNegative();
            return new Part((neg ? "-" : "") + body, neg ? NEG : style == Style.LATEX ? ATOM : PRODUCT);
        } else {
            double v = e.evalDouble();
            s = style == Style.LATEX ? NumberFormat.latex(v) : NumberFormat.plain(v);
        }
        return new Part(s, s.startsWith("-") ? NEG : ATOM);
    }

    private Part sum(IAST plus) {
        List<IExpr> terms = new ArrayList<>();
        for (int i = plus.argSize(); i >= 1; i--) terms.add(plus.getAt(i)); // Symja orders by ascending degree
        for (int i = 0; i < terms.size(); i++) {
            if (!negative(terms.get(i))) {
                terms.add(0, terms.remove(i));
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            IExpr t = terms.get(i);
            if (i == 0) {
                Part p = part(t);
                sb.append(p.precedence <= SUM ? paren(p.text) : p.text);
            } else if (negative(t)) {
                Part p = negated(t);
                sb.append(" - ").append(p.precedence <= SUM ? paren(p.text) : p.text);
            } else {
                Part p = part(t);
                sb.append(" + ").append(p.precedence <= SUM ? paren(p.text) : p.text);
            }
        }
        return new Part(sb.toString(), SUM);
    }

    /** A term that prints with a leading minus: a negative number or a product with a negative coefficient. */
    private static boolean negative(IExpr t) {
        if (t.isNumber()) return t.isReal() && t.isNegative();
        return t.isTimes() && t.first().isNumber() && t.first().isReal() && t.first().isNegative();
    }

    private Part negated(IExpr t) {
        if (t.isNumber()) return number(t.negate());
        return product((IAST) t, true);
    }

    /** Coefficient, numerator factors, then the factors with negative exponents as a denominator. */
    private Part product(IAST times, boolean flipSign) {
        IExpr coefficient = null;
        List<IExpr> num = new ArrayList<>();
        List<IExpr> den = new ArrayList<>();
        for (int i = 1; i <= times.argSize(); i++) {
            IExpr f = times.getAt(i);
            if (i == 1 && f.isNumber()) {
                coefficient = f;
            } else if (f.isPower() && f.exponent().isNumber() && f.exponent().isReal() && f.exponent().isNegative()) {
                IExpr ex = f.exponent().negate();
                den.add(ex.isOne() ? f.base() : org.matheclipse.core.expression.F.Power(f.base(), ex));
            } else {
                num.add(f);
            }
        }
        // variables and their powers before functions, as SymPy prints (x1*exp(x1), not exp(x1)*x1)
        num.sort(java.util.Comparator.comparingInt(f -> f.isSymbol() || (f.isPower() && f.base().isSymbol()) ? 0 : 1));
        boolean minus = false;
        String coeffNum = null, coeffDen = null;
        if (coefficient != null) {
            if (coefficient.isComplex() || !coefficient.isReal()) throw new IllegalArgumentException("complex coefficient");
            minus = coefficient.isNegative() != flipSign;
            IExpr c = coefficient.isNegative() ? coefficient.negate() : coefficient;
            if (c.isFraction()) {
                IFraction q = (IFraction) c;
                if (!q.numerator().isOne()) coeffNum = q.numerator().toString();
                coeffDen = q.denominator().toString();
            } else if (!c.isOne()) {
                coeffNum = number(c).text;
            }
        } else {
            minus = flipSign;
        }
        String mul = style == Style.LATEX ? " \\cdot " : "*";
        List<String> numParts = new ArrayList<>();
        if (coeffNum != null) numParts.add(coeffNum);
        for (IExpr f : num) {
            Part p = part(f);
            numParts.add(p.precedence < PRODUCT || (p.precedence == NEG) ? paren(p.text) : p.text);
        }
        List<String> denParts = new ArrayList<>();
        if (coeffDen != null) denParts.add(coeffDen);
        for (IExpr f : den) {
            Part p = part(f);
            denParts.add(p.precedence < PRODUCT || p.precedence == NEG ? paren(p.text) : p.text);
        }
        String numerator = numParts.isEmpty() ? "1" : String.join(mul, numParts);
        String text;
        if (denParts.isEmpty()) {
            text = numerator;
        } else if (style == Style.LATEX) {
            text = "\\frac{" + numerator + "}{" + String.join(mul, denParts) + "}";
        } else {
            String d = String.join(mul, denParts);
            boolean wrapDen = denParts.size() > 1 || partOfSingle(den, coeffDen) < POWER;
            text = numerator + "/" + (wrapDen ? paren(d) : d);
        }
        return minus ? new Part("-" + text, NEG) : new Part(text, PRODUCT);
    }

    private int partOfSingle(List<IExpr> den, String coeffDen) {
        if (coeffDen != null) return ATOM;
        return part(den.get(0)).precedence;
    }

    private Part power(IExpr base, IExpr ex) {
        if (base.isE()) {
            String x = part(ex).text;
            return style == Style.LATEX ? new Part("e^{" + x + "}", POWER) : new Part("exp(" + x + ")", ATOM);
        }
        if (ex.isNumber() && ex.isReal() && ex.isNegative()) {
            IExpr pos = ex.negate();
            Part d = pos.isOne() ? part(base) : power(base, pos);
            if (style == Style.LATEX) return new Part("\\frac{1}{" + d.text + "}", ATOM);
            return new Part("1/" + (d.precedence < POWER ? paren(d.text) : d.text), PRODUCT);
        }
        if (ex.isFraction() && ((IFraction) ex).numerator().isOne() && ((IFraction) ex).denominator().toString().equals("2")) {
            String x = part(base).text;
            return new Part(style == Style.LATEX ? "\\sqrt{" + x + "}" : "sqrt(" + x + ")", ATOM);
        }
        Part b = part(base);
        Part x = part(ex);
        String bt = b.precedence < ATOM ? paren(b.text) : b.text;
        return switch (style) {
            case LATEX -> new Part(bt + "^{" + x.text + "}", POWER);
            case INFIX -> new Part(bt + "^" + (x.precedence < ATOM ? paren(x.text) : x.text), POWER);
            case SYMPY -> new Part(bt + "**" + (x.precedence < ATOM ? paren(x.text) : x.text), POWER);
        };
    }

    private Part call(IAST f) {
        IExpr head = f.head();
        String[] names = head instanceof ISymbol s ? FUNCTIONS.get(s) : null;
        if (names == null) throw new IllegalArgumentException("no notation for " + head);
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= f.argSize(); i++) args.add(part(f.getAt(i)).text);
        String joined = String.join(", ", args);
        if (style == Style.LATEX) {
            if (head == S.Abs) return new Part("\\left|" + joined + "\\right|", ATOM);
            if (head == S.HarmonicNumber) return new Part("H_{" + joined + "}", ATOM);
            if (head == S.Max || head == S.Min) return new Part("\\" + names[0] + "\\left(" + joined + "\\right)", ATOM);
            String cmd = switch (names[0]) {
                case "sin", "cos", "tan", "tanh", "log", "csc", "sec", "cot", "sinh", "cosh", "coth" -> "\\" + names[0];
                default -> "\\operatorname{" + names[0] + "}";
            };
            return new Part(cmd + "{\\left(" + joined + "\\right)}", ATOM);
        }
        return new Part((style == Style.SYMPY ? names[1] : names[0]) + "(" + joined + ")", ATOM);
    }

    private String paren(String s) {
        return style == Style.LATEX ? "\\left(" + s + "\\right)" : "(" + s + ")";
    }
}
