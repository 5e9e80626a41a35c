package io.dsr4j.programs.print;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses expressions back into traversals of a library: infix/SymPy strings ({@code + - * / ** ^}, unary minus,
 * calls of the library's functions and of SymPy's {@code Abs/Max/Min}, numbers, {@code x1..xn}, {@code pi},
 * {@code E}) and traversal strings ({@code "add,x1,const"}).
 *
 * <p>Numbers become the hard-coded constant of exactly that value if the library has one, else a {@code const}
 * with that value. Forms the printer emits for composite tokens map back to them when the library has them:
 * {@code x**2/3/4} → n2/n3/n4 (products {@code x*(x*x)} when the library has no such token), {@code x**-1} and {@code 1/x} (integer literal 1) → inv, {@code x**0.5} → sqrt,
 * {@code exp(-x)} → expneg, {@code log(Abs(x))} → logabs, {@code 1/(1 + exp(-x))} → sigmoid; each evaluates
 * identically to the spelled-out form. Errors are {@link ConfigException}s naming the position.
 */
public final class ExpressionParser {

    private static final Map<String, String> SYMPY_NAMES = Map.of("Abs", "abs", "Max", "max", "Min", "min", "ln", "log");

    private final Library library;

    public ExpressionParser(Library library) {
        this.library = library;
    }

    /**
     * Parses a comma-separated traversal. Names are looked up first (so {@code "1.0"} is the hard-coded constant of
     * that name, as in the reference's {@code from_str_tokens}); any other number becomes a {@code const} with that
     * value; a bare {@code const} gets NaN.
     */
    public ParsedProgram parseTraversal(String text) {
        List<Integer> t = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (String raw : text.split(",")) {
            String name = raw.trim();
            int idx = library.indexOf(name);
            if (idx >= 0) {
                t.add(idx);
                if (library.token(idx).kind() == TokenKind.PLACEHOLDER) c.add(Double.NaN);
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(name);
            } catch (NumberFormatException e) {
                throw new ConfigException("traversal '" + text + "': unknown token '" + name + "'"
                        + Suggestions.hint(name, library.names()) + "; library: " + String.join(", ", library.names()));
            }
            if (library.constToken() < 0) {
                throw new ConfigException("traversal '" + text + "': the number " + name
                        + " is not a token of the library and the library has no 'const' to hold it");
            }
            t.add(library.constToken());
            c.add(v);
        }
        ParsedProgram p = new ParsedProgram(t.stream().mapToInt(Integer::intValue).toArray(),
                c.stream().mapToDouble(Double::doubleValue).toArray());
        if (!io.dsr4j.programs.eval.Programs.isComplete(p.traversal(), library)) {
            throw new ConfigException("traversal '" + text + "' is not exactly one complete expression");
        }
        return p;
    }

    /** Parses an infix or SymPy expression. */
    public ParsedProgram parse(String expression) {
        Node root = new Syntax(expression).parseAll();
        Emitter e = new Emitter(expression);
        e.emit(root);
        return new ParsedProgram(e.tokens.stream().mapToInt(Integer::intValue).toArray(),
                e.constants.stream().mapToDouble(Double::doubleValue).toArray());
    }

    // ---- syntax tree ---------------------------------------------------------------------------------------

    private sealed interface Node permits Num, Name, Call, Bin, Neg, Pow { }

    /** @param integer true for an integer literal such as {@code 1} (the printer writes constants as {@code 1.0}) */
    private record Num(double value, boolean integer) implements Node { }

    private record Name(String name, int pos) implements Node { }

    private record Call(String fn, List<Node> args, int pos) implements Node { }

    private record Bin(char op, Node a, Node b) implements Node { }

    private record Neg(Node a) implements Node { }

    private record Pow(Node base, Node exponent, int pos) implements Node { }

    /** Recursive descent with Python's precedence: sums, products, unary minus, right-associative power. */
    private static final class Syntax {
        private final String s;
        private int pos;

        Syntax(String s) {
            this.s = s;
        }

        Node parseAll() {
            Node n = sum();
            skip();
            if (pos < s.length()) throw error("unexpected '" + s.charAt(pos) + "'");
            return n;
        }

        private Node sum() {
            Node n = product();
            while (true) {
                skip();
                if (peek('+')) { pos++; n = new Bin('+', n, product()); }
                else if (peek('-')) { pos++; n = new Bin('-', n, product()); }
                else return n;
            }
        }

        private Node product() {
            Node n = unary();
            while (true) {
                skip();
                if (peek('*') && !peekAt(1, '*')) { pos++; n = new Bin('*', n, unary()); }
                else if (peek('/')) { pos++; n = new Bin('/', n, unary()); }
                else return n;
            }
        }

        private Node unary() {
            skip();
            if (peek('-')) { pos++; return new Neg(unary()); }
            if (peek('+')) { pos++; return unary(); }
            return power();
        }

        private Node power() {
            Node base = atom();
            skip();
            int at = pos;
            if (peek('*') && peekAt(1, '*')) { pos += 2; return new Pow(base, unary(), at); }
            if (peek('^')) { pos++; return new Pow(base, unary(), at); }
            return base;
        }

        private Node atom() {
            skip();
            if (pos >= s.length()) throw error("unexpected end of expression");
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = sum();
                expect(')');
                return n;
            }
            if (Character.isDigit(c) || c == '.') return number();
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                String name = s.substring(start, pos);
                skip();
                if (peek('(')) {
                    pos++;
                    List<Node> args = new ArrayList<>();
                    skip();
                    if (!peek(')')) {
                        do { args.add(sum()); skip(); } while (peek(',') && pos++ >= 0);
                    }
                    expect(')');
                    return new Call(name, args, start);
                }
                return new Name(name, start);
            }
            throw error("unexpected '" + c + "'");
        }

        private Node number() {
            int start = pos;
            boolean integer = true;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (pos < s.length() && s.charAt(pos) == '.') {
                integer = false;
                pos++;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    integer = false;
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                } else {
                    pos = save; // "2E" is 2 followed by the name E: let the caller fail on it
                }
            }
            String text = s.substring(start, pos);
            try {
                return new Num(Double.parseDouble(text), integer);
            } catch (NumberFormatException e) {
                throw error("bad number '" + text + "'");
            }
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        private boolean peek(char c) { return pos < s.length() && s.charAt(pos) == c; }

        private boolean peekAt(int off, char c) { return pos + off < s.length() && s.charAt(pos + off) == c; }

        private void expect(char c) {
            skip();
            if (!peek(c)) throw error("expected '" + c + "'");
            pos++;
        }

        private ConfigException error(String what) {
            return new ConfigException("expression '" + s + "', position " + (pos + 1) + ": " + what);
        }
    }

    // ---- tree -> traversal ---------------------------------------------------------------------------------

    private final class Emitter {
        final String text;
        final List<Integer> tokens = new ArrayList<>();
        final List<Double> constants = new ArrayList<>();

        Emitter(String text) {
            this.text = text;
        }

        void emit(Node n) {
            if (n instanceof Num num) number(num.value());
            else if (n instanceof Name name) name(name);
            else if (n instanceof Neg neg) negation(neg.a());
            else if (n instanceof Pow pow) power(pow);
            else if (n instanceof Call call) call(call);
            else binary((Bin) n);
        }

        private void binary(Bin b) {
            switch (b.op()) {
                case '+' -> { token("add", 2); emit(b.a()); emit(b.b()); }
                case '-' -> { token("sub", 2); emit(b.a()); emit(b.b()); }
                case '*' -> { token("mul", 2); emit(b.a()); emit(b.b()); }
                default -> {
                    if (isIntegerOne(b.a())) {
                        Node z = sigmoidArgument(b.b());
                        if (z != null && has("sigmoid", 1)) { token("sigmoid", 1); emit(z); return; }
                        if (has("inv", 1)) { token("inv", 1); emit(b.b()); return; }
                    }
                    token("div", 2);
                    emit(b.a());
                    emit(b.b());
                }
            }
        }

        /** z if n is 1 + exp(-z) with an integer literal 1, else null. */
        private Node sigmoidArgument(Node n) {
            if (n instanceof Bin bin && bin.op() == '+' && isIntegerOne(bin.a()) && bin.b() instanceof Call c
                    && c.fn().equals("exp") && c.args().size() == 1 && c.args().get(0) instanceof Neg neg) {
                return neg.a();
            }
            return null;
        }

        private boolean isIntegerOne(Node n) {
            return n instanceof Num num && num.integer() && num.value() == 1;
        }

        private void negation(Node a) {
            if (a instanceof Num num) {
                double v = -num.value();
                if (hardConstant(v) >= 0 || library.constToken() >= 0) { number(v); return; }
            }
            if (has("neg", 1)) { token("neg", 1); emit(a); return; }
            if (has("mul", 2) && (hardConstant(-1.0) >= 0 || library.constToken() >= 0)) {
                token("mul", 2);
                number(-1.0);
                emit(a);
                return;
            }
            throw new ConfigException("expression '" + text + "': a unary minus needs 'neg' (or 'mul' with -1.0 or const) in the library");
        }

        private void power(Pow p) {
            Double k = literal(p.exponent());
            String name = k == null ? null : k == 2 ? "n2" : k == 3 ? "n3" : k == 4 ? "n4" : k == -1 ? "inv" : k == 0.5 ? "sqrt" : null;
            if ((name == null || !has(name, 1)) && k != null && k == Math.rint(k) && k >= 2 && k <= 8 && has("mul", 2)) {
                // no power token: x**k as x*(x*(...)), which SymPy's simplified output needs for e.g. Koza
                for (int i = 1; i < k; i++) {
                    token("mul", 2);
                    emit(p.base());
                }
                emit(p.base());
                return;
            }
            if (name == null || !has(name, 1)) {
                throw new ConfigException("expression '" + text + "', position " + (p.pos() + 1) + ": power "
                        + (k == null ? "with a non-numeric exponent" : k) + " has no token in the library "
                        + "(exponents 2, 3, 4, -1, 0.5 map to n2, n3, n4, inv, sqrt when present)");
            }
            token(name, 1);
            emit(p.base());
        }

        private Double literal(Node n) {
            if (n instanceof Num num) return num.value();
            if (n instanceof Neg neg && neg.a() instanceof Num num) return -num.value();
            return null;
        }

        private void call(Call c) {
            String fn = SYMPY_NAMES.getOrDefault(c.fn(), c.fn());
            List<Node> args = c.args();
            if (fn.equals("exp") && args.size() == 1 && args.get(0) instanceof Neg neg && has("expneg", 1)) {
                token("expneg", 1);
                emit(neg.a());
                return;
            }
            if (fn.equals("log") && args.size() == 1 && args.get(0) instanceof Call inner && inner.args().size() == 1
                    && SYMPY_NAMES.getOrDefault(inner.fn(), inner.fn()).equals("abs") && has("logabs", 1)) {
                token("logabs", 1);
                emit(inner.args().get(0));
                return;
            }
            int idx = library.indexOf(fn);
            if (idx < 0) idx = library.indexOf(fn.toLowerCase(Locale.ROOT));
            if (idx < 0 || library.arity(idx) == 0) {
                throw new ConfigException("expression '" + text + "', position " + (c.pos() + 1) + ": unknown function '"
                        + c.fn() + "'" + Suggestions.hint(fn, functionNames()) + "; library functions: " + String.join(", ", functionNames()));
            }
            if (library.arity(idx) != args.size()) {
                throw new ConfigException("expression '" + text + "', position " + (c.pos() + 1) + ": '" + fn + "' takes "
                        + library.arity(idx) + " argument(s), got " + args.size());
            }
            tokens.add(idx);
            for (Node a : args) emit(a);
        }

        private void name(Name n) {
            switch (n.name()) {
                case "pi" -> { number(Math.PI); return; }
                case "E" -> { number(Math.E); return; }
                default -> { }
            }
            int idx = library.indexOf(n.name());
            if (idx >= 0 && library.arity(idx) == 0) {
                tokens.add(idx);
                if (library.token(idx).kind() == TokenKind.PLACEHOLDER) constants.add(Double.NaN);
                return;
            }
            List<String> terminals = new ArrayList<>();
            for (int t : library.terminalTokens()) terminals.add(library.name(t));
            throw new ConfigException("expression '" + text + "', position " + (n.pos() + 1) + ": unknown name '" + n.name() + "'"
                    + Suggestions.hint(n.name(), terminals) + "; variables and constants: " + String.join(", ", terminals));
        }

        private void number(double v) {
            int hard = hardConstant(v);
            if (hard >= 0) {
                tokens.add(hard);
            } else if (library.constToken() >= 0) {
                tokens.add(library.constToken());
                constants.add(v);
            } else {
                throw new ConfigException("expression '" + text + "': the number " + v
                        + " is not a constant of the library and the library has no 'const' to hold it");
            }
        }

        private void token(String name, int arity) {
            if (!has(name, arity)) {
                throw new ConfigException("expression '" + text + "' needs '" + name + "', which is not in the library ("
                        + String.join(", ", library.names()) + ")");
            }
            tokens.add(library.indexOf(name));
        }

        private boolean has(String name, int arity) {
            int i = library.indexOf(name);
            return i >= 0 && library.arity(i) == arity;
        }

        private int hardConstant(double v) {
            for (int i = 0; i < library.size(); i++) {
                Token t = library.token(i);
                if (t.kind() == TokenKind.CONSTANT && Double.compare(t.value(), v) == 0) return i;
            }
            return -1;
        }

        private List<String> functionNames() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < library.size(); i++) if (library.arity(i) > 0) names.add(library.name(i));
            return names;
        }
    }
}
