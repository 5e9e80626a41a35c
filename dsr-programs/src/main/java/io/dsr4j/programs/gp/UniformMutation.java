package io.dsr4j.programs.gp;

import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

/**
 * Uniform subtree mutation (DEAP {@code mutUniform} with {@code genFull(min_=0, max_=mutate_tree_max)}): a node is
 * drawn uniformly (the root included) and its subtree replaced by a random full tree of height 0..max.
 */
public final class UniformMutation implements GpOperator {

    private final Library library;
    private final int maxHeight;

    public UniformMutation(Library library, int maxHeight) {
        if (maxHeight < 0) throw new IllegalArgumentException("max tree height must be at least 0, got " + maxHeight);
        this.library = library;
        this.maxHeight = maxHeight;
    }

    @Override public int parents() { return 1; }

    @Override
    public int[][] apply(int[][] parents, Rng rng) {
        int[] tree = parents[0];
        int index = rng.nextInt(tree.length);
        int end = Trees.subtreeEnd(tree, index, library);
        return new int[][]{Trees.replace(tree, index, end, Trees.full(library, maxHeight, rng))};
    }
}
