package io.dsr4j.programs.token;

import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;

/**
 * The {@code const} placeholder. It carries no value: a program's fitted constants live in a separate
 * {@code double[]} (one per {@code const} occurrence, in traversal order), so the token is shared and immutable.
 */
public final class ConstPlaceholder implements Token {

    public static final String NAME = "const";
    public static final ConstPlaceholder INSTANCE = new ConstPlaceholder();

    private ConstPlaceholder() { }

    @Override public String name() { return NAME; }

    @Override public int arity() { return 0; }

    @Override public TokenKind kind() { return TokenKind.PLACEHOLDER; }

    @Override public double complexity() { return 1; }

    @Override public String toString() { return NAME; }
}
