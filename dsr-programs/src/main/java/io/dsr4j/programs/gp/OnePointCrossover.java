package io.dsr4j.programs.gp;

import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;

import java.util.Arrays;

/**
 * One-point subtree crossover (DEAP {@code cxOnePoint} as DSO patches it): a non-root node is drawn uniformly in each
 * parent and the two subtrees rooted there are swapped. A parent of a single node takes part unchanged.
 */
public final class OnePointCrossover implements GpOperator {

    private final Library library;

    public OnePointCrossover(Library library) {
        this.library = library;
    }

    @Override public int parents() { return 2; }

    @Override
    public int[][] apply(int[][] parents, Rng rng) {
        int[] a = parents[0], b = parents[1];
        if (a.length < 2 || b.length < 2) return new int[][]{a.clone(), b.clone()};
        int i1 = 1 + rng.nextInt(a.length - 1);
        int i2 = 1 + rng.nextInt(b.length - 1);
        int e1 = Trees.subtreeEnd(a, i1, library);
        int e2 = Trees.subtreeEnd(b, i2, library);
        return new int[][]{
                Trees.replace(a, i1, e1, Arrays.copyOfRange(b, i2, e2)),
                Trees.replace(b, i2, e2, Arrays.copyOfRange(a, i1, e1))};
    }
}
