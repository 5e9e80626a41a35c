package io.dsr4j.programs.token;

import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;

/**
 * A constant from the function set (e.g. {@code 1.0}, {@code pi}). Named like the reference, by the float32
 * string of its value ({@code "1.0"}, {@code "3.1415927"}), so traversal strings and library names match; but the
 * value is kept in full double precision (the reference stores float32, i.e. pi = 3.1415927410125732), because
 * exact hard-coded constants are what a user means by {@code pi} and float32 rounding would put a ~1e-8 relative
 * error into every program using it.
 */
public final class HardConstant implements Token {

    private final double value;
    private final String name;

    public HardConstant(double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("constant must be finite: " + value);
        this.value = value;
        this.name = Float32Names.format(value);
    }

    @Override public String name() { return name; }

    @Override public int arity() { return 0; }

    @Override public TokenKind kind() { return TokenKind.CONSTANT; }

    @Override public double complexity() { return 1; }

    @Override public double value() { return value; }

    @Override public String infix(String... args) { return NumberFormat.plain(value); }

    @Override public String latex(String... args) { return NumberFormat.latex(value); }

    @Override public String sympy(String... args) { return NumberFormat.plain(value); }

    @Override public String toString() { return name; }
}
