package io.dsr4j.programs.eval;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

import java.util.Arrays;

/** Operations on prefix traversals (token index arrays). */
public final class Programs {

    private Programs() { }

    /**
     * Turns a sampled action sequence into a complete expression, like the reference's {@code _finish_tokens}:
     * with dangling starting at 1 and adding {@code arity - 1} per token, truncate right after the first position
     * where it reaches 0; if it never does, append as many input-variable tokens as are still dangling, drawn
     * uniformly from {@code rng}. (The reference draws them from numpy's global RNG, which makes the cache keys
     * and results of unconstrained runs irreproducible; here the caller's stream makes them deterministic.)
     *
     * @param actions sampled token indices; only the first {@code length} are read
     * @return a new array (never {@code actions} itself)
     */
    public static int[] finish(int[] actions, int length, Library lib, Rng rng) {
        int dangling = 1;
        for (int i = 0; i < length; i++) {
            dangling += lib.arity(actions[i]) - 1;
            if (dangling == 0) return Arrays.copyOf(actions, i + 1);
        }
        int[] inputs = lib.inputTokens();
        int[] out = Arrays.copyOf(actions, length + dangling);
        for (int i = length; i < out.length; i++) out[i] = inputs[rng.nextInt(inputs.length)];
        return out;
    }

    /** Open slots after the first {@code length} tokens: 1 + sum(arity - 1); 0 means complete. */
    public static int dangling(int[] traversal, int length, Library lib) {
        int d = 1;
        for (int i = 0; i < length; i++) d += lib.arity(traversal[i]) - 1;
        return d;
    }

    /** True when the traversal is exactly one complete expression (no missing and no surplus tokens). */
    public static boolean isComplete(int[] traversal, Library lib) {
        int d = 1;
        for (int i = 0; i < traversal.length; i++) {
            if (d <= 0) return false;
            d += lib.arity(traversal[i]) - 1;
        }
        return d == 0;
    }

    /** Number of {@code const} placeholders in the traversal. */
    public static int constCount(int[] traversal, Library lib) {
        int c = lib.constToken();
        if (c < 0) return 0;
        int n = 0;
        for (int t : traversal) if (t == c) n++;
        return n;
    }
}
