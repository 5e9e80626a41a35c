package io.dsr4j.programs.token;

import io.dsr4j.api.token.TokenFacts;
import io.dsr4j.programs.token.Notation.Style;

import static io.dsr4j.programs.token.Notation.ATOM;
import static io.dsr4j.programs.token.Notation.POWER;
import static io.dsr4j.programs.token.Notation.PRODUCT;
import static io.dsr4j.programs.token.Notation.SUM;
import static io.dsr4j.programs.token.Notation.UNARY_MINUS;

/**
 * The reference's regression function tokens (§2.1 of the behaviour notes): name, arity, complexity, opcodes of
 * the plain and protected variants, facts used by priors, and renderings. {@code max}/{@code min} are binary here
 * (the reference declares them unary around a binary numpy function, which makes them unusable).
 */
public enum Builtin {
    ADD("add", 2, 1, Kernels.ADD, -1),
    SUB("sub", 2, 1, Kernels.SUB, -1),
    MUL("mul", 2, 1, Kernels.MUL, -1),
    DIV("div", 2, 2, Kernels.DIV, Kernels.PDIV),
    SIN("sin", 1, 3, Kernels.SIN, -1),
    COS("cos", 1, 3, Kernels.COS, -1),
    TAN("tan", 1, 4, Kernels.TAN, -1),
    EXP("exp", 1, 4, Kernels.EXP, Kernels.PEXP),
    LOG("log", 1, 4, Kernels.LOG, Kernels.PLOG),
    SQRT("sqrt", 1, 4, Kernels.SQRT, Kernels.PSQRT),
    N2("n2", 1, 2, Kernels.N2, Kernels.PN2),
    N3("n3", 1, 3, Kernels.N3, Kernels.PN3),
    N4("n4", 1, 3, Kernels.N4, Kernels.PN4),
    NEG("neg", 1, 1, Kernels.NEG, -1),
    ABS("abs", 1, 2, Kernels.ABS, -1),
    INV("inv", 1, 2, Kernels.INV, Kernels.PINV),
    TANH("tanh", 1, 4, Kernels.TANH, -1),
    /** Protected logabs is the reference's protected log: log|x| if |x| > 0.001 else 0. */
    LOGABS("logabs", 1, 4, Kernels.LOGABS, Kernels.PLOG),
    EXPNEG("expneg", 1, 4, Kernels.EXPNEG, Kernels.PEXPNEG),
    SIGMOID("sigmoid", 1, 4, Kernels.SIGMOID, Kernels.PSIGMOID),
    HARMONIC("harmonic", 1, 4, Kernels.HARMONIC, -1),
    MAX("max", 2, 4, Kernels.MAX, -1),
    MIN("min", 2, 4, Kernels.MIN, -1);

    private static final double INF = Double.POSITIVE_INFINITY;

    private final String tokenName;
    private final int arity;
    private final double complexity;
    private final int opcode;
    private final int protectedOpcode;

    Builtin(String tokenName, int arity, double complexity, int opcode, int protectedOpcode) {
        this.tokenName = tokenName;
        this.arity = arity;
        this.complexity = complexity;
        this.opcode = opcode;
        this.protectedOpcode = protectedOpcode;
    }

    public String tokenName() { return tokenName; }

    public int arity() { return arity; }

    public double complexity() { return complexity; }

    /** Opcode of the variant used in the given mode (tokens without a protected variant use the plain one). */
    public int opcode(boolean protectedMode) {
        return protectedMode && protectedOpcode >= 0 ? protectedOpcode : opcode;
    }

    public boolean hasProtectedVariant() { return protectedOpcode >= 0; }

    /** The built-in with this token name, or null. */
    public static Builtin byName(String name) {
        for (Builtin b : values()) if (b.tokenName.equals(name)) return b;
        return null;
    }

    public TokenFacts facts() {
        return switch (this) {
            case ADD -> operator("+", SUM);
            case SUB -> operator("-", SUM);
            case MUL -> operator("*", PRODUCT);
            case DIV -> operator("/", PRODUCT);
            case SIN, COS -> new TokenFacts(true, null, -INF, INF, false, -1, 1, null, ATOM);
            case TAN -> new TokenFacts(true, null, -INF, INF, false, -INF, INF, null, ATOM);
            case EXP -> new TokenFacts(false, "log", -INF, INF, false, 0, INF, null, ATOM);
            case LOG -> new TokenFacts(false, "exp", 0, INF, true, -INF, INF, null, ATOM);
            case SQRT -> new TokenFacts(false, "n2", 0, INF, true, 0, INF, null, ATOM);
            case N2 -> new TokenFacts(false, "sqrt", -INF, INF, false, 0, INF, null, ATOM);
            case N4, ABS -> new TokenFacts(false, null, -INF, INF, false, 0, INF, null, ATOM);
            case INV -> new TokenFacts(false, "inv", -INF, INF, false, -INF, INF, null, ATOM);
            case NEG -> new TokenFacts(false, "neg", -INF, INF, false, -INF, INF, null, ATOM);
            default -> TokenFacts.NONE;
        };
    }

    private static TokenFacts operator(String symbol, int precedence) {
        return new TokenFacts(false, null, -INF, INF, false, -INF, INF, symbol, precedence);
    }

    public Notation notation(Style style) {
        boolean sympy = style == Style.SYMPY;
        boolean latex = style == Style.LATEX;
        return switch (this) {
            // Readable infix and LaTeX drop parentheses that associativity makes redundant (a + (b + c) -> a + b + c);
            // the SymPy string keeps the tree's grouping so that parsing it back evaluates bit for bit the same.
            case ADD -> Notation.binary(SUM, sympy ? PRODUCT : SUM);
            case SUB -> Notation.binary(SUM, PRODUCT);
            case MUL -> Notation.binary(PRODUCT, sympy ? UNARY_MINUS : PRODUCT);
            case DIV -> latex ? Notation.call(2) : Notation.binary(PRODUCT, UNARY_MINUS);
            case NEG -> Notation.unary(UNARY_MINUS, UNARY_MINUS);
            case N2, N3, N4 -> Notation.unary(POWER, ATOM);
            case INV -> latex ? Notation.call(1) : Notation.unary(PRODUCT, UNARY_MINUS);
            case EXPNEG -> latex ? Notation.unary(POWER, UNARY_MINUS) : Notation.unary(ATOM, UNARY_MINUS);
            case EXP -> latex ? new Notation(POWER, new int[] {0}, new boolean[] {false}) : Notation.call(1);
            case SIGMOID -> switch (style) {
                case INFIX -> Notation.call(1);
                case SYMPY -> Notation.unary(PRODUCT, UNARY_MINUS);
                case LATEX -> new Notation(ATOM, new int[] {UNARY_MINUS}, new boolean[] {true});
            };
            default -> Notation.call(arity);
        };
    }

    public String render(Style style, String... a) {
        return switch (style) {
            case INFIX -> infix(a);
            case SYMPY -> sympy(a);
            case LATEX -> latex(a);
        };
    }

    private String infix(String[] a) {
        return switch (this) {
            case ADD -> a[0] + " + " + a[1];
            case SUB -> a[0] + " - " + a[1];
            case MUL -> a[0] + "*" + a[1];
            case DIV -> a[0] + "/" + a[1];
            case N2 -> a[0] + "^2";
            case N3 -> a[0] + "^3";
            case N4 -> a[0] + "^4";
            case NEG -> "-" + a[0];
            case INV -> "1/" + a[0];
            case LOGABS -> "log(abs(" + a[0] + "))";
            case EXPNEG -> "exp(-" + a[0] + ")";
            default -> call(tokenName, a);
        };
    }

    private String sympy(String[] a) {
        return switch (this) {
            case ADD -> a[0] + " + " + a[1];
            case SUB -> a[0] + " - " + a[1];
            case MUL -> a[0] + "*" + a[1];
            case DIV -> a[0] + "/" + a[1];
            case N2 -> a[0] + "**2";
            case N3 -> a[0] + "**3";
            case N4 -> a[0] + "**4";
            case NEG -> "-" + a[0];
            case INV -> "1/" + a[0];
            case ABS -> call("Abs", a);
            case LOGABS -> "log(Abs(" + a[0] + "))";
            case EXPNEG -> "exp(-" + a[0] + ")";
            case SIGMOID -> "1/(1 + exp(-" + a[0] + "))";
            case MAX -> call("Max", a);
            case MIN -> call("Min", a);
            // SymPy's harmonic(x) is H_x (digamma(x + 1) + gamma for non-integers), which the reference's
            // asymptotic formula approximates; integral arguments give the exact harmonic numbers in both.
            default -> call(tokenName, a);
        };
    }

    private String latex(String[] a) {
        return switch (this) {
            case ADD -> a[0] + " + " + a[1];
            case SUB -> a[0] + " - " + a[1];
            case MUL -> a[0] + " \\cdot " + a[1];
            case DIV -> "\\frac{" + a[0] + "}{" + a[1] + "}";
            case SIN, COS, TAN, LOG, TANH -> "\\" + tokenName + "{\\left(" + a[0] + "\\right)}";
            case EXP -> "e^{" + a[0] + "}";
            case SQRT -> "\\sqrt{" + a[0] + "}";
            case N2 -> a[0] + "^{2}";
            case N3 -> a[0] + "^{3}";
            case N4 -> a[0] + "^{4}";
            case NEG -> "-" + a[0];
            case ABS -> "\\left|" + a[0] + "\\right|";
            case INV -> "\\frac{1}{" + a[0] + "}";
            case LOGABS -> "\\log{\\left|" + a[0] + "\\right|}";
            case EXPNEG -> "e^{-" + a[0] + "}";
            case SIGMOID -> "\\frac{1}{1 + e^{-" + a[0] + "}}";
            case HARMONIC -> "H_{" + a[0] + "}";
            case MAX -> "\\max\\left(" + a[0] + ", " + a[1] + "\\right)";
            case MIN -> "\\min\\left(" + a[0] + ", " + a[1] + "\\right)";
        };
    }

    private static String call(String fn, String[] a) {
        return fn + "(" + String.join(", ", a) + ")";
    }
}
