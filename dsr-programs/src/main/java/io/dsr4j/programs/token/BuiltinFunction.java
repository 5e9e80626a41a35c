package io.dsr4j.programs.token;

import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFacts;
import io.dsr4j.api.token.TokenKind;

/**
 * A built-in function token in plain or protected mode. Its name is the plain name in both modes (as in the
 * reference). The evaluator reads {@link #opcode()} and calls {@link Kernels} directly.
 */
public final class BuiltinFunction implements Token, Notation.Aware {

    private final Builtin builtin;
    private final boolean protectedVariant;
    private final int opcode;
    private final TokenFacts facts;

    public BuiltinFunction(Builtin builtin, boolean protectedMode) {
        this.builtin = builtin;
        this.protectedVariant = protectedMode && builtin.hasProtectedVariant();
        this.opcode = builtin.opcode(protectedMode);
        this.facts = builtin.facts();
    }

    public Builtin builtin() { return builtin; }

    /** {@link Kernels} opcode of this variant. */
    public int opcode() { return opcode; }

    /** True when this is a protected variant (only for tokens that have one). */
    public boolean isProtected() { return protectedVariant; }

    @Override public String name() { return builtin.tokenName(); }

    @Override public int arity() { return builtin.arity(); }

    @Override public TokenKind kind() { return TokenKind.FUNCTION; }

    @Override public double complexity() { return builtin.complexity(); }

    @Override
    public void apply(double[] a, double[] b, double[] out, int n) {
        Kernels.apply(opcode, a, b, out, n);
    }

    @Override
    public void partials(double[] a, double[] b, double[] da, double[] db, int n) {
        Kernels.partials(opcode, a, b, da, db, n);
    }

    @Override public TokenFacts facts() { return facts; }

    @Override public Notation notation(Notation.Style style) { return builtin.notation(style); }

    @Override public String infix(String... args) { return builtin.render(Notation.Style.INFIX, args); }

    @Override public String latex(String... args) { return builtin.render(Notation.Style.LATEX, args); }

    @Override public String sympy(String... args) { return builtin.render(Notation.Style.SYMPY, args); }

    @Override
    public String toString() { return protectedVariant ? "protected_" + name() : name(); }
}
