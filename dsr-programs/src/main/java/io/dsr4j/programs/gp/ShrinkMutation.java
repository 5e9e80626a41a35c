package io.dsr4j.programs.gp;

import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

import java.util.Arrays;

/**
 * Shrink mutation (DEAP {@code mutShrink}): a non-root operator is drawn uniformly and replaced by one of its own
 * arguments drawn uniformly. Trees of fewer than 3 nodes or of height at most 1 are unchanged.
 */
public final class ShrinkMutation implements GpOperator {

    private final Library library;

    public ShrinkMutation(Library library) {
        this.library = library;
    }

    @Override public int parents() { return 1; }

    @Override
    public int[][] apply(int[][] parents, Rng rng) {
        int[] tree = parents[0];
        if (tree.length < 3 || Trees.height(tree, library) <= 1) return new int[][]{tree.clone()};
        int[] candidates = new int[tree.length];
        int c = 0;
        for (int i = 1; i < tree.length; i++) if (library.arity(tree[i]) > 0) candidates[c++] = i;
        if (c == 0) return new int[][]{tree.clone()};
        int index = candidates[rng.nextInt(c)];
        int arg = rng.nextInt(library.arity(tree[index]));
        int start = index + 1;
        for (int k = 0; k < arg; k++) start = Trees.subtreeEnd(tree, start, library);
        int[] child = Arrays.copyOfRange(tree, start, Trees.subtreeEnd(tree, start, library));
        return new int[][]{Trees.replace(tree, index, Trees.subtreeEnd(tree, index, library), child)};
    }
}
