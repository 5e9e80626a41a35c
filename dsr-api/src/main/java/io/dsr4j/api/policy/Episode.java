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

    /** Appends {@code actions[row]} to every unfinished row (entries of finished rows are ignored). */
    void advance(int[] actions);

    /** True when every row is finished. */
    boolean allFinished();
}
