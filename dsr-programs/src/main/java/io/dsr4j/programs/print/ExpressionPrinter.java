package io.dsr4j.programs.print;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFacts;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.programs.poly.Monomials;
import io.dsr4j.programs.token.Notation;
import io.dsr4j.programs.token.Notation.Style;
import io.dsr4j.programs.token.NumberFormat;

import java.util.List;
import java.util.StringJoiner;

/**
 * Renders traversals as readable infix, LaTeX, a SymPy-parsable string, or a traversal string, with the
 * parentheses that precedence and associativity require and no others.
 *
 * <ul>
 * <li>Readable infix and LaTeX omit parentheses that only regroup associative operations ({@code x1 + x2 + x3}
 *     for {@code add(x1, add(x2, x3))}), while {@code a - (b - c)} and {@code a/(b*c)} keep theirs.</li>
 * <li>The SymPy string keeps the tree's grouping of equal-precedence operations ({@code x1 + (x2 + x3)}), so
 *     that {@link ExpressionParser} reads back a program that evaluates bit for bit the same. Its functions are
 *     SymPy's: {@code Abs}, {@code Max}, {@code Min}, {@code log(Abs(x))}, {@code 1/(1 + exp(-x))}, ...</li>
 * <li>Fitted constants print as the shortest decimal that reads back as the same double ({@link Double#toString}),
 *     so printed expressions reproduce the fit exactly; {@code const} without a value prints as {@code const}.</li>
 * <li>Traversal strings are comma-separated token names. {@link #traversal(int[])} keeps {@code const} (with the
 *     values kept separately), so it parses back to the identical traversal; {@link #traversal(int[], double[])}
 *     shows the fitted values instead, like the reference's {@code repr}.</li>
 * </ul>
 * Protected semantics are not shown (as in the reference): {@code div} prints as {@code /} in both modes.
 * Thread-safe.
 */
public final class ExpressionPrinter {

    private final Library library;
    private final List<String> variableNames;

    public ExpressionPrinter(Library library) {
        this(library, null);
    }

    /**
     * @param variableNames names printed for the input variables in column order (Java API feature names), or null
     *                      for the library's own {@code x1..xn}; traversal strings always keep the library names
     */
    public ExpressionPrinter(Library library, List<String> variableNames) {
        this.library = library;
        this.variableNames = variableNames == null ? null : List.copyOf(variableNames);
    }

    public String infix(int[] traversal, double[] constants) { return render(traversal, constants, Style.INFIX); }

    public String latex(int[] traversal, double[] constants) { return render(traversal, constants, Style.LATEX); }

    public String sympy(int[] traversal, double[] constants) { return render(traversal, constants, Style.SYMPY); }

    /** Comma-separated token names, {@code const} included as such. */
    public String traversal(int[] traversal) {
        return traversal(traversal, null);
    }

    /** Comma-separated token names with each {@code const} replaced by its value (when {@code constants} is given). */
    public String traversal(int[] traversal, double[] constants) {
        StringJoiner j = new StringJoiner(",");
        int c = 0;
        if (constants != null && library.polyToken() >= 0) {
            for (int t : traversal) if (t == library.polyToken()) constants = null;   // coefficients, not const values
        }
        for (int t : traversal) {
            Token tok = library.token(t);
            if (tok.kind() == TokenKind.PLACEHOLDER) {
                j.add(constants == null ? tok.name() : NumberFormat.plain(constants[c]));
                c++;
            } else {
                j.add(tok.name());
            }
        }
        return j.toString();
    }

    private record Part(String text, int precedence) { }

    private Monomials monomials;

    /** The monomials of a fitted poly with {@code size} coefficients (the count gives the degree), or null. */
    private Monomials monomials(int size) {
        if (library.polyToken() < 0) return null;
        Monomials m = monomials;        // one read: the printer may be shared by threads
        if (m == null || m.size() != size) {
            m = Monomials.ofSize(library.inputCount(), size);
            if (m != null) monomials = m;
        }
        return m;
    }

    /** Right-to-left over the prefix traversal with a stack of rendered subexpressions. */
    private String render(int[] traversal, double[] constants, Style style) {
        int n = traversal.length;
        int totalConsts = 0;
        for (int t : traversal) if (library.token(t).kind() == TokenKind.PLACEHOLDER) totalConsts++;
        int constIndex = totalConsts;
        Part[] stack = new Part[n];
        int sp = 0;
        for (int i = n - 1; i >= 0; i--) {
            Token tok = library.token(traversal[i]);
            int arity = tok.arity();
            if (arity == 0) {
                String s;
                Monomials fitted = tok.kind() == TokenKind.FITTED && constants != null ? monomials(constants.length) : null;
                if (fitted != null) {
                    // a fitted poly prints as its polynomial (its coefficients are the program's constants)
                    s = fitted.render(constants, switch (style) {
                        case INFIX -> Monomials.Style.INFIX;
                        case LATEX -> Monomials.Style.LATEX;
                        case SYMPY -> Monomials.Style.SYMPY;
                    });
                    boolean sum = s.indexOf(" + ", 1) > 0 || s.indexOf(" - ", 1) > 0;
                    boolean product = s.contains("*") || s.contains("\\cdot");
                    stack[sp++] = new Part(s, sum ? Notation.SUM : s.startsWith("-") ? Notation.UNARY_MINUS
                            : product ? Notation.PRODUCT : Notation.ATOM);
                    continue;
                } else if (tok.kind() == TokenKind.PLACEHOLDER) {
                    constIndex--;
                    double v = constants == null || constIndex >= constants.length ? Double.NaN : constants[constIndex];
                    s = Double.isNaN(v) ? tok.name() : style == Style.LATEX ? NumberFormat.latex(v) : NumberFormat.plain(v);
                } else if (variableNames != null && tok.kind() == TokenKind.INPUT) {
                    String name = variableNames.get(tok.inputIndex());
                    s = style == Style.LATEX ? latexName(name) : name;
                } else {
                    s = renderToken(tok, style);
                }
                stack[sp++] = new Part(s, s.startsWith("-") ? Notation.UNARY_MINUS : Notation.ATOM);
                continue;
            }
            if (sp < arity) throw new IllegalArgumentException("incomplete traversal");
            Notation notation = notation(tok, style);
            String[] args = new String[arity];
            for (int a = 0; a < arity; a++) {
                Part p = stack[sp - 1 - a];
                boolean wrap = p.precedence < notation.argMin()[a]
                        || (notation.signGuard()[a] && p.text.startsWith("-"));
                args[a] = wrap ? parenthesise(p.text, style) : p.text;
            }
            sp -= arity;
            String s = renderToken(tok, style, args);
            stack[sp++] = new Part(s, notation.precedence());
        }
        if (sp != 1) throw new IllegalArgumentException("traversal is not a single complete expression");
        return stack[0].text;
    }

    private static String renderToken(Token tok, Style style, String... args) {
        return switch (style) {
            case INFIX -> tok.infix(args);
            case LATEX -> tok.latex(args);
            case SYMPY -> tok.sympy(args);
        };
    }

    /** Built-ins know their notation; plugin operators bind by their facts; anything else prints as a call. */
    private static Notation notation(Token tok, Style style) {
        if (tok instanceof Notation.Aware aware) return aware.notation(style);
        TokenFacts f = tok.facts();
        if (f.operator() != null && tok.arity() == 2) return Notation.binary(f.precedence(), f.precedence() + 1);
        return Notation.call(tok.arity());
    }

    /** A one-letter name as a math variable, longer ones upright (mass_1 prints as \mathrm{mass\_1}). */
    private static String latexName(String name) {
        return name.length() == 1 ? name : "\\mathrm{" + name.replace("_", "\\_") + "}";
    }

    private static String parenthesise(String s, Style style) {
        return style == Style.LATEX ? "\\left(" + s + "\\right)" : "(" + s + ")";
    }
}
