package io.dsr4j.api.policy;

import io.dsr4j.api.prior.TreeView;

/**
 * One batch of sequences being sampled: the tree state of every row (what the policy observes) plus the joint
 * prior for the next position. The policy loops: {@code priors(out)} → add to logits → sample → {@code advance}.
 */
public interface Episode extends TreeView {

    /**
     * Writes the joint prior (sum of all priors) for the next position of every row into {@code out}
     * (row-major, batch × library); finished rows get all zeros.
     *
     * @throws io.dsr4j.api.config.ConfigException when some unfinished row has every token forbidden (names the
     *                                             conflicting priors and the position)
     */
    void priors(float[] out);

    /**
     * Like {@link #priors} but writes the entries of the unfinished rows only, leaving those of finished rows as
     * they are: for a policy that never reads a finished row's prior (the joint prior of a late step then costs
     * O(unfinished rows), not O(batch)). The default writes every row.
     */
    default void unfinishedPriors(float[] out) { priors(out); }

    /** Appends {@code actions[row]} to every unfinished row (entries of finished rows are ignored). */
    void advance(int[] actions);

    /** True when every row is finished. */
    boolean allFinished();
}
