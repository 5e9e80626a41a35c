package io.dsr4j.programs.gp;

import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

/**
 * Point mutation (DEAP {@code mutNodeReplacement}): a non-root node is drawn uniformly and replaced by a token of
 * the same arity drawn uniformly from the library (possibly the same token). A single-node tree is unchanged.
 */
public final class NodeReplacementMutation implements GpOperator {

    private final Library library;
    private final int[][] byArity = new int[3][];

    public NodeReplacementMutation(Library library) {
        this.library = library;
        byArity[0] = library.terminalTokens();
        byArity[1] = library.unaryTokens();
        byArity[2] = library.binaryTokens();
    }

    @Override public int parents() { return 1; }

    @Override
    public int[][] apply(int[][] parents, Rng rng) {
        int[] tree = parents[0].clone();
        if (tree.length < 2) return new int[][]{tree};
        int index = 1 + rng.nextInt(tree.length - 1);
        int[] same = byArity[library.arity(tree[index])];
        tree[index] = same[rng.nextInt(same.length)];
        return new int[][]{tree};
    }
}
