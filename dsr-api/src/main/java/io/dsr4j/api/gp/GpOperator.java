package io.dsr4j.api.gp;

import io.dsr4j.api.util.Rng;

/**
 * A genetic-programming variation operator over prefix traversals (plugin kind "gp operator"): a mutation takes one
 * parent, a crossover two. Operators are pure: they never modify their inputs and draw all randomness from
 * {@code rng}, so a run is reproducible for a seed. They need not respect the priors: the caller rejects children
 * that violate a hard constraint (see {@link io.dsr4j.api.policy.SamplingEnvironment#violations}).
 */
public interface GpOperator {

    /** Number of parents (and children): 1 for a mutation, 2 for a crossover. */
    int parents();

    /**
     * @param parents {@link #parents()} complete prefix traversals (library indices)
     * @return as many complete traversals, new arrays
     */
    int[][] apply(int[][] parents, Rng rng);
}
