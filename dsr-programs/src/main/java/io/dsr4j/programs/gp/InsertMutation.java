package io.dsr4j.programs.gp;

import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

import java.util.Arrays;

/**
 * Insert mutation (DEAP {@code mutInsert}): a node is drawn uniformly (the root included); a new operator drawn
 * uniformly is inserted above it, the old subtree becomes its child at a uniformly drawn argument position and
 * any other argument is a terminal drawn uniformly.
 */
public final class InsertMutation implements GpOperator {

    private final Library library;
    private final int[] operators;
    private final int[] terminals;

    public InsertMutation(Library library) {
        this.library = library;
        this.operators = Trees.nonTerminals(library);
        this.terminals = library.terminalTokens();
    }

    @Override public int parents() { return 1; }

    @Override
    public int[][] apply(int[][] parents, Rng rng) {
        int[] tree = parents[0];
        if (operators.length == 0) return new int[][]{tree.clone()};
        int index = rng.nextInt(tree.length);
        int end = Trees.subtreeEnd(tree, index, library);
        int op = operators[rng.nextInt(operators.length)];
        int arity = library.arity(op);
        int position = rng.nextInt(arity);
        int[] old = Arrays.copyOfRange(tree, index, end);
        int[] sub = new int[1 + old.length + arity - 1];
        int n = 0;
        sub[n++] = op;
        for (int k = 0; k < arity; k++) {
            if (k == position) {
                System.arraycopy(old, 0, sub, n, old.length);
                n += old.length;
            } else {
                sub[n++] = terminals[rng.nextInt(terminals.length)];
            }
        }
        return new int[][]{Trees.replace(tree, index, end, sub)};
    }
}
