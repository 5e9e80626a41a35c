package io.dsr4j.programs.gp;

import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

import java.util.Arrays;

/** Subtree surgery on prefix traversals (DEAP's {@code PrimitiveTree} operations on token index arrays). */
public final class Trees {

    private Trees() { }

    /** End (exclusive) of the subtree rooted at {@code start} (DEAP {@code searchSubtree}). */
    public static int subtreeEnd(int[] tree, int start, Library lib) {
        int open = 1;
        int i = start;
        while (open > 0) {
            open += lib.arity(tree[i]) - 1;
            i++;
        }
        return i;
    }

    /** {@code tree} with {@code [from, to)} replaced by {@code insert}. */
    public static int[] replace(int[] tree, int from, int to, int[] insert) {
        int[] out = new int[tree.length - (to - from) + insert.length];
        System.arraycopy(tree, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(tree, to, out, from + insert.length, tree.length - to);
        return out;
    }

    /** Height of the tree (a lone terminal has height 0), as DEAP's {@code PrimitiveTree.height}. */
    public static int height(int[] tree, Library lib) {
        int[] stack = new int[tree.length + 1];
        int sp = 0;
        int max = 0;
        for (int token : tree) {
            int depth = sp == 0 ? 0 : stack[sp - 1];
            if (sp > 0) sp--;
            max = Math.max(max, depth);
            for (int k = 0; k < lib.arity(token); k++) stack[sp++] = depth + 1;
        }
        return max;
    }

    /**
     * A random full tree whose height is uniform in [0, maxHeight] (DEAP {@code genFull(min_=0, max_=maxHeight)}):
     * operators (uniform over all non-terminals) above the last level, terminals (uniform over inputs, constants and
     * {@code const}) on it.
     */
    public static int[] full(Library lib, int maxHeight, Rng rng) {
        int height = rng.nextInt(maxHeight + 1);
        int[] ops = nonTerminals(lib);
        int[] terms = lib.terminalTokens();
        int[] out = new int[16];
        int n = 0;
        int[] depths = new int[64];
        int sp = 0;
        depths[sp++] = 0;
        while (sp > 0) {
            int depth = depths[--sp];
            int token = depth == height || ops.length == 0 ? terms[rng.nextInt(terms.length)] : ops[rng.nextInt(ops.length)];
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = token;
            for (int k = 0; k < lib.arity(token); k++) {
                if (sp == depths.length) depths = Arrays.copyOf(depths, sp * 2);
                depths[sp++] = depth + 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Unary and binary tokens in library order. */
    public static int[] nonTerminals(Library lib) {
        int[] out = new int[lib.size()];
        int n = 0;
        for (int i = 0; i < lib.size(); i++) if (lib.arity(i) > 0) out[n++] = i;
        return Arrays.copyOf(out, n);
    }
}
