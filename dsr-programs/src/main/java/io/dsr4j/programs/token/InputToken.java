package io.dsr4j.programs.token;

import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;

/** Input variable x_{i+1}, reading column i of X. */
public final class InputToken implements Token {

    private final int index;
    private final String name;

    /** @param index 0-based column */
    public InputToken(int index) {
        if (index < 0) throw new IllegalArgumentException("negative input index " + index);
        this.index = index;
        this.name = "x" + (index + 1);
    }

    @Override public String name() { return name; }

    @Override public int arity() { return 0; }

    @Override public TokenKind kind() { return TokenKind.INPUT; }

    @Override public double complexity() { return 1; }

    @Override public int inputIndex() { return index; }

    @Override public String infix(String... args) { return name; }

    @Override public String latex(String... args) { return "x_{" + (index + 1) + "}"; }

    @Override public String sympy(String... args) { return name; }

    @Override public String toString() { return name; }
}
