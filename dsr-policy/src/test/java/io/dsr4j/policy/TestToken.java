package io.dsr4j.policy;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;

import java.util.ArrayList;
import java.util.List;

/** Minimal tokens for policy tests (the policy only needs names and arities). */
public record TestToken(String name, int arity, TokenKind kind) implements Token {

    @Override
    public double complexity() { return 1; }

    /** x1..x{inputs}, then functions given as "name/arity" (e.g. "add/2", "sin/1", "const/0"). */
    public static Library library(int inputs, String... functions) {
        List<Token> t = new ArrayList<>();
        for (int i = 1; i <= inputs; i++) t.add(new TestToken("x" + i, 0, TokenKind.INPUT));
        for (String f : functions) {
            String[] p = f.split("/");
            int a = Integer.parseInt(p[1]);
            TokenKind k = a > 0 ? TokenKind.FUNCTION : p[0].equals("const") ? TokenKind.PLACEHOLDER : TokenKind.CONSTANT;
            t.add(new TestToken(p[0], a, k));
        }
        return new Library(t);
    }

    /** The Koza set with one input: x1, add, sub, mul, div, sin, cos, exp, log. */
    public static Library koza() {
        return library(1, "add/2", "sub/2", "mul/2", "div/2", "sin/1", "cos/1", "exp/1", "log/1");
    }
}
