package io.dsr4j.programs.prior;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenFacts;
import io.dsr4j.api.token.TokenKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only token libraries (names, arities, kinds and the facts priors use), so the prior tests do not depend on
 * the real token implementations. {@code apply} is a trivial placeholder: priors never evaluate tokens.
 */
public final class TestLibraries {

    private TestLibraries() { }

    private static final double INF = Double.POSITIVE_INFINITY;

    /** A minimal token: name, arity, kind and facts. */
    public record TestToken(String name, int arity, TokenKind kind, int inputIndex, TokenFacts facts) implements Token {
        @Override public double complexity() { return 1; }

        @Override public void apply(double[] a, double[] b, double[] out, int n) {
            System.arraycopy(a, 0, out, 0, n);
        }
    }

    static TokenFacts facts(boolean trig, String inverseOf, double dLo, double dHi, boolean open, double rLo, double rHi) {
        return new TokenFacts(trig, inverseOf, dLo, dHi, open, rLo, rHi, null, 100);
    }

    /** A named token with the facts the reference's tables give it. */
    public static Token function(String name) {
        return switch (name) {
            case "add", "sub", "mul", "div" -> new TestToken(name, 2, TokenKind.FUNCTION, -1, TokenFacts.NONE);
            case "sin", "cos" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(true, null, -INF, INF, false, -1, 1));
            case "tan" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(true, null, -INF, INF, false, -INF, INF));
            case "exp" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(false, "log", -INF, INF, false, 0, INF));
            case "log" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(false, "exp", 0, INF, true, -INF, INF));
            case "sqrt" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(false, "n2", 0, INF, false, 0, INF));
            case "n2" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(false, "sqrt", -INF, INF, false, 0, INF));
            case "inv" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(false, "inv", -INF, INF, false, -INF, INF));
            case "neg" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(false, "neg", -INF, INF, false, -INF, INF));
            case "abs" -> new TestToken(name, 1, TokenKind.FUNCTION, -1, facts(false, null, -INF, INF, false, 0, INF));
            case "const" -> new TestToken(name, 0, TokenKind.PLACEHOLDER, -1, TokenFacts.NONE);
            default -> {
                try {
                    Double.parseDouble(name);
                    yield new TestToken(name, 0, TokenKind.CONSTANT, -1, TokenFacts.NONE);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("no test token " + name);
                }
            }
        };
    }

    /** Inputs x1..xn, then the named functions in order. */
    public static Library of(int nInputs, String... names) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < nInputs; i++) {
            tokens.add(new TestToken("x" + (i + 1), 0, TokenKind.INPUT, i, TokenFacts.NONE));
        }
        for (String n : names) tokens.add(function(n));
        return new Library(tokens);
    }

    /** Koza: add, sub, mul, div, sin, cos, exp, log. */
    public static Library koza(int nInputs) {
        return of(nInputs, "add", "sub", "mul", "div", "sin", "cos", "exp", "log");
    }

    /** Koza plus the {@code const} placeholder (reference CKoza). */
    public static Library kozaConst(int nInputs) {
        return of(nInputs, "add", "sub", "mul", "div", "sin", "cos", "exp", "log", "const");
    }

    /** Every inverse pair of the reference: exp/log, inv, neg, sqrt/n2. */
    public static Library inverses(int nInputs) {
        return of(nInputs, "add", "sub", "mul", "div", "sin", "cos", "exp", "log", "inv", "neg", "sqrt", "n2");
    }
}
