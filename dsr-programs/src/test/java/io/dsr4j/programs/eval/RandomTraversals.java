package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

import java.util.Arrays;

/** Random complete traversals for tests and benchmarks (uniform token choice, then terminals to close). */
public final class RandomTraversals {

    private RandomTraversals() { }

    /**
     * A random traversal of length at most {@code maxLength}: tokens are drawn uniformly while the expression
     * stays closable within the limit, then only terminals. Lengths of at least {@code minLength} are preferred
     * (non-terminals are forced while shorter), as a DSR length prior does.
     */
    public static int[] next(Library lib, Rng rng, int minLength, int maxLength) {
        return next(lib, rng, minLength, maxLength, false);
    }

    /**
     * Like {@link #next(Library, Rng, int, int)}; with {@code uniformArity} the arity class (terminal, unary,
     * binary) is drawn uniformly first and then a token within it, as DSR's uniform_arity prior makes an untrained
     * policy do: a critical branching process, so lengths spread over the whole [min, max] range like a DSR batch.
     */
    public static int[] next(Library lib, Rng rng, int minLength, int maxLength, boolean uniformArity) {
        int[] unary = lib.unaryTokens();
        int[] binary = lib.binaryTokens();
        int[] terminals = lib.terminalTokens();
        int[] nonTerminals = new int[lib.size() - terminals.length];
        int k = 0;
        for (int i = 0; i < lib.size(); i++) if (lib.arity(i) > 0) nonTerminals[k++] = i;
        int[] out = new int[maxLength];
        int len = 0, dangling = 1;
        while (dangling > 0) {
            int t;
            boolean mustClose = len + dangling >= maxLength - 1;
            if (mustClose) {
                t = terminals[rng.nextInt(terminals.length)];
            } else if (len + dangling < minLength) {
                t = nonTerminals[rng.nextInt(nonTerminals.length)];
            } else if (uniformArity) {
                int cls = rng.nextInt(3);
                int[] pool = cls == 0 || (cls == 1 && unary.length == 0) || (cls == 2 && binary.length == 0) ? terminals
                        : cls == 1 ? unary : binary;
                t = pool[rng.nextInt(pool.length)];
            } else {
                t = rng.nextInt(lib.size());
            }
            if (mustClose && len + dangling > maxLength) throw new IllegalStateException("cannot close");
            out[len++] = t;
            dangling += lib.arity(t) - 1;
        }
        return Arrays.copyOf(out, len);
    }
}
