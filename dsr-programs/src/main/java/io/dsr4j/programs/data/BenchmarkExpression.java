package io.dsr4j.programs.data;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A benchmark's generating expression, parsed from the reference's Python/NumPy syntax and evaluated column-wise
 * with NumPy's unprotected semantics (NaN/±inf propagate; the generator filters them).
 *
 * <p>Grammar (Python precedence: {@code **} is right-associative and binds tighter than a unary minus on its left,
 * {@code -x**2 = -(x**2)}, {@code 2**-1 = 0.5}):
 * <pre>
 * expr := term (('+' | '-') term)*        term := unary (('*' | '/') unary)*
 * unary := ('-' | '+') unary | power      power := primary ('**' unary)?
 * primary := number | 'pi' | x1..xn | name '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 * Functions: the reference's {@code function_map} names (add, sub, mul, div, sin, cos, tan, exp, log, sqrt, n2, n3,
 * n4, neg, abs, tanh, inv, logabs, expneg, sigmoid, harmonic) plus {@code pow} and {@code ln}.
 * Elementary functions use {@link StrictMath} (fdlibm) so data are identical on every JVM.
 */
public final class BenchmarkExpression {

    private static final double EULER_GAMMA = 0.57721566490153286060651209008240243104215933593992;

    private static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(
            Map.entry("sin", StrictMath::sin),
            Map.entry("cos", StrictMath::cos),
            Map.entry("tan", StrictMath::tan),
            Map.entry("exp", StrictMath::exp),
            Map.entry("log", StrictMath::log),
            Map.entry("ln", StrictMath::log),
            Map.entry("sqrt", StrictMath::sqrt),
            Map.entry("abs", Math::abs),
            Map.entry("tanh", StrictMath::tanh),
            Map.entry("neg", v -> -v),
            Map.entry("inv", v -> 1.0 / v),
            Map.entry("n2", v -> v * v),
            Map.entry("n3", v -> power(v, 3)),
            Map.entry("n4", v -> power(v, 4)),
            Map.entry("logabs", v -> StrictMath.log(Math.abs(v))),
            Map.entry("expneg", v -> StrictMath.exp(-v)),
            Map.entry("sigmoid", v -> 1 / (1 + StrictMath.exp(-v))),
            Map.entry("harmonic", BenchmarkExpression::harmonic));

    private static final Map<String, DoubleBinaryOperator> BINARY = Map.of(
            "add", Double::sum,
            "sub", (a, b) -> a - b,
            "mul", (a, b) -> a * b,
            "div", (a, b) -> a / b,
            "pow", BenchmarkExpression::power);

    private final String source;
    private final int variableCount;
    private final Node root;

    private BenchmarkExpression(String source, int variableCount, Node root) {
        this.source = source;
        this.variableCount = variableCount;
        this.root = root;
    }

    /** @throws ConfigException on a syntax error, an unknown function or a variable beyond {@code variableCount} */
    public static BenchmarkExpression parse(String source, int variableCount) {
        Parser p = new Parser(source, variableCount);
        Node root = p.parseAll();
        return new BenchmarkExpression(source, variableCount, root);
    }

    public String source() { return source; }

    public int variableCount() { return variableCount; }

    /** y for every row of the column-major inputs {@code x[var][row]}. */
    public double[] evaluate(double[][] x) {
        if (x.length != variableCount) {
            throw new IllegalArgumentException("expression " + source + " needs " + variableCount + " input columns, got " + x.length);
        }
        int n = x[0].length;
        double[] y = root.eval(x, n);
        return isInput(y, x) ? y.clone() : y;
    }

    private static boolean isInput(double[] y, double[][] x) {
        for (double[] c : x) if (c == y) return true;
        return false;
    }

    @Override
    public String toString() { return source; }

    /** Walks the expression tree bottom-up (symbolic comparison, printing). */
    public interface Visitor<T> {
        /** A number as written in the source ({@code "3.39"}, {@code "pi"}) and its value. */
        T number(String text, double value);

        /** Input {@code x<index+1>}. */
        T variable(int index);

        /**
         * A function or operator by its reference name: {@code add, sub, mul, div, pow, neg} for the operators, else
         * the function's name as written ({@code sin}, {@code ln}, {@code n2}, ...).
         */
        T call(String name, List<T> args);
    }

    public <T> T accept(Visitor<T> v) { return root.accept(v); }

    /**
     * {@code numpy.power} on doubles: the C library's correctly rounded pow. Exponents with an exact shortcut
     * (also NumPy's fast paths for {@code **}) use it, so the result is exactly the rounded value.
     */
    static double power(double a, double b) {
        if (b == 2.0) return a * a;
        if (b == 1.0) return a;
        if (b == 0.5 && a > 0) return Math.sqrt(a);
        if (b == -1.0) return 1.0 / a;
        return StrictMath.pow(a, b);
    }

    /**
     * Harmonic number H(x) for integer x (0 for x ≤ 0), else the reference's asymptotic expansion
     * γ + ln x + 1/(2x) − 1/(12x²) + 1/(120x⁴). The reference decides per column (all values integer or not) and
     * rounds the exact sums to float32; we decide per value and keep double precision.
     */
    static double harmonic(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v)) {
            double s = 0;
            for (long d = (long) v; d >= 1; d--) s += 1.0 / d; // smallest terms first
            return s;
        }
        return EULER_GAMMA + StrictMath.log(v) + 0.5 / v - 1. / (12 * v * v) + 1. / (120 * power(v, 4));
    }

    // ---- tree -------------------------------------------------------------------------------------------------

    private interface Node {
        /** Column of n values; may return an input column itself (callers must not modify the result). */
        double[] eval(double[][] x, int n);

        <T> T accept(Visitor<T> v);
    }

    private record Constant(String text, double value) implements Node {
        public <T> T accept(Visitor<T> v) { return v.number(text, value); }

        public double[] eval(double[][] x, int n) {
            double[] out = new double[n];
            java.util.Arrays.fill(out, value);
            return out;
        }
    }

    private record Variable(int index) implements Node {
        public <T> T accept(Visitor<T> v) { return v.variable(index); }

        public double[] eval(double[][] x, int n) { return x[index]; }
    }

    private record Unary(String name, DoubleUnaryOperator f, Node arg) implements Node {
        public <T> T accept(Visitor<T> v) { return v.call(name, List.of(arg.accept(v))); }

        public double[] eval(double[][] x, int n) {
            double[] a = arg.eval(x, n);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = f.applyAsDouble(a[i]);
            return out;
        }
    }

    private record Binary(String name, DoubleBinaryOperator f, Node left, Node right) implements Node {
        public <T> T accept(Visitor<T> v) { return v.call(name, List.of(left.accept(v), right.accept(v))); }

        public double[] eval(double[][] x, int n) {
            double[] a = left.eval(x, n);
            double[] b = right.eval(x, n);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = f.applyAsDouble(a[i], b[i]);
            return out;
        }
    }

    // ---- parser -----------------------------------------------------------------------------------------------

    private static final class Parser {
        private final String s;
        private final int variableCount;
        private int pos;

        Parser(String s, int variableCount) {
            this.s = s;
            this.variableCount = variableCount;
        }

        Node parseAll() {
            Node n = expr();
            skipSpaces();
            if (pos < s.length()) throw error("unexpected '" + s.charAt(pos) + "'");
            return n;
        }

        private Node expr() {
            Node left = term();
            while (true) {
                if (accept("+")) left = new Binary("add", Double::sum, left, term());
                else if (accept("-")) left = new Binary("sub", (a, b) -> a - b, left, term());
                else return left;
            }
        }

        private Node term() {
            Node left = unary();
            while (true) {
                if (accept("*")) left = new Binary("mul", (a, b) -> a * b, left, unary());
                else if (accept("/")) left = new Binary("div", (a, b) -> a / b, left, unary());
                else return left;
            }
        }

        private Node unary() {
            if (accept("-")) return new Unary("neg", v -> -v, unary());
            if (accept("+")) return unary();
            return power();
        }

        private Node power() {
            Node base = primary();
            if (accept("**")) return new Binary("pow", BenchmarkExpression::power, base, unary());
            return base;
        }

        private Node primary() {
            skipSpaces();
            if (pos >= s.length()) throw error("unexpected end of expression");
            char c = s.charAt(pos);
            if (accept("(")) {
                Node inner = expr();
                expect(")");
                return inner;
            }
            if (Character.isDigit(c) || c == '.') return number();
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                String name = s.substring(start, pos);
                if (accept("(")) return call(name, start);
                if (name.equals("pi")) return new Constant("pi", Math.PI);
                if (name.matches("x[1-9][0-9]*")) {
                    int i = Integer.parseInt(name.substring(1));
                    if (i > variableCount) throw errorAt(start, "variable " + name + " but the benchmark has " + variableCount + " input(s)");
                    return new Variable(i - 1);
                }
                throw errorAt(start, "unknown name '" + name + "'; allowed: pi, x1..x" + variableCount);
            }
            throw error("unexpected '" + c + "'");
        }

        private Node call(String name, int start) {
            List<Node> args = new ArrayList<>();
            if (!accept(")")) {
                do {
                    args.add(expr());
                } while (accept(","));
                expect(")");
            }
            DoubleUnaryOperator u = UNARY.get(name);
            if (u != null) {
                if (args.size() != 1) throw errorAt(start, name + "() takes 1 argument, got " + args.size());
                return new Unary(name, u, args.get(0));
            }
            DoubleBinaryOperator b = BINARY.get(name);
            if (b != null) {
                if (args.size() != 2) throw errorAt(start, name + "() takes 2 arguments, got " + args.size());
                return new Binary(name, b, args.get(0), args.get(1));
            }
            TreeSet<String> known = new TreeSet<>(UNARY.keySet());
            known.addAll(BINARY.keySet());
            throw errorAt(start, "unknown function '" + name + "'" + Suggestions.hint(name, known) + "; known: " + String.join(", ", known));
        }

        private Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int save = pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                } else {
                    pos = save;
                }
            }
            String text = s.substring(start, pos);
            try {
                return new Constant(text, Double.parseDouble(text)); // correctly rounded, like Python's float()
            } catch (NumberFormatException e) {
                throw errorAt(start, "bad number '" + text + "'");
            }
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        private boolean accept(String token) {
            skipSpaces();
            // '*' must not swallow the first half of '**'
            if (token.equals("*") && s.startsWith("**", pos)) return false;
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) throw error("expected '" + token + "'");
        }

        private ConfigException error(String problem) {
            return errorAt(pos, problem);
        }

        private ConfigException errorAt(int at, String problem) {
            return new ConfigException("benchmark expression '" + s + "', at character " + (at + 1) + ": " + problem);
        }
    }
}
