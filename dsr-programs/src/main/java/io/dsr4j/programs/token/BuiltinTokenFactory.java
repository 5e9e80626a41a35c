package io.dsr4j.programs.token;

import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFactory;

/** Factory of one built-in function token; both variants are immutable and created once. */
public final class BuiltinTokenFactory implements TokenFactory {

    private final Builtin builtin;
    private final Token plain;
    private final Token protectedVariant;

    public BuiltinTokenFactory(Builtin builtin) {
        this.builtin = builtin;
        this.plain = new BuiltinFunction(builtin, false);
        this.protectedVariant = builtin.hasProtectedVariant() ? new BuiltinFunction(builtin, true) : plain;
    }

    @Override
    public Token create(boolean protectedMode) {
        return protectedMode ? protectedVariant : plain;
    }

    @Override
    public String description() {
        return "built-in " + (builtin.arity() == 1 ? "unary" : "binary") + " function, complexity "
                + (int) builtin.complexity() + (builtin.hasProtectedVariant() ? ", has a protected variant" : "");
    }
}
