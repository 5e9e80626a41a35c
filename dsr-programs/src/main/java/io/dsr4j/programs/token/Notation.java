package io.dsr4j.programs.token;

/**
 * How a token's rendering binds, so that the printer adds exactly the parentheses that are needed.
 *
 * @param precedence  precedence of the rendered expression ({@link #SUM} .. {@link #ATOM}; higher binds tighter)
 * @param argMin      argument i is parenthesised when its precedence is below {@code argMin[i]}
 * @param signGuard   argument i is also parenthesised when its rendering starts with a minus sign (avoids
 *                    {@code a - -b}, {@code a*-b}, {@code --x})
 */
public record Notation(int precedence, int[] argMin, boolean[] signGuard) {

    public static final int SUM = 1, PRODUCT = 2, UNARY_MINUS = 3, POWER = 4, ATOM = 5;

    /** Output styles. */
    public enum Style { INFIX, LATEX, SYMPY }

    private static final Notation CALL1 = new Notation(ATOM, new int[] {0}, new boolean[] {false});
    private static final Notation CALL2 = new Notation(ATOM, new int[] {0, 0}, new boolean[] {false, false});
    private static final Notation LEAF = new Notation(ATOM, new int[0], new boolean[0]);

    /** A function call {@code f(a, b)} (or anything self-delimiting): never parenthesises its arguments. */
    public static Notation call(int arity) {
        return arity == 0 ? LEAF : arity == 1 ? CALL1 : CALL2;
    }

    /** A left-associative binary operator; {@code rightMin} is its precedence (a+b+c ≡ a+(b+c)) or one above. */
    public static Notation binary(int precedence, int rightMin) {
        return new Notation(precedence, new int[] {precedence, rightMin}, new boolean[] {false, true});
    }

    /** A unary form whose only argument needs at least {@code argMin}, sign-guarded. */
    public static Notation unary(int precedence, int argMin) {
        return new Notation(precedence, new int[] {argMin}, new boolean[] {true});
    }

    /** Tokens that know their notation (the built-ins); others print as function calls or by their facts. */
    public interface Aware {
        Notation notation(Style style);
    }
}
