package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;

/** Recursive tree evaluation through Token.apply: an independent oracle for the compiled evaluator. */
final class NaiveInterpreter {

    private final Library lib;
    private final int[] t;
    private final double[][] x;
    private final double[] consts;
    private final int rows;
    private int pos;
    private int constIndex;
    boolean nonFinite;

    NaiveInterpreter(Library lib, int[] traversal, double[][] x, double[] consts, int rows) {
        this.lib = lib;
        this.t = traversal;
        this.x = x;
        this.consts = consts;
        this.rows = rows;
    }

    double[] run() {
        pos = 0;
        constIndex = 0;
        return node();
    }

    private double[] node() {
        Token tok = lib.token(t[pos++]);
        double[] out = new double[rows];
        if (tok.arity() == 0) {
            if (tok.kind() == TokenKind.INPUT) System.arraycopy(x[tok.inputIndex()], 0, out, 0, rows);
            else if (tok.kind() == TokenKind.CONSTANT) java.util.Arrays.fill(out, tok.value());
            else java.util.Arrays.fill(out, consts[constIndex++]);
            return out;
        }
        double[] a = node();
        double[] b = tok.arity() == 2 ? node() : null;
        tok.apply(a, b, out, rows);
        for (double v : out) if (!Double.isFinite(v)) nonFinite = true;
        return out;
    }
}
