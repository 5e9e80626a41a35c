package io.dsr4j.api.augment;

import io.dsr4j.api.policy.SequenceBatch;

/**
 * A step of the trainer between scoring a sampled batch and the estimator (plugin kind "batch augmenter"): it sees
 * the batch's finished programs and rewards and returns extra programs, with their observations and priors, that
 * the trainer appends to the batch the estimator trains on (off-policy), e.g. GP-meld's elite programs.
 * Implementations must be deterministic given the iteration and their seed (no state across iterations other than
 * what a checkpoint restores), and score programs only through the {@link Evaluator}.
 */
public interface BatchAugmenter {

    /** Rewards of programs, through the trainer's program cache and reward threads (results in input order). */
    interface Evaluator {
        double[] rewards(int[][] programs);
    }

    /**
     * @param programs    the extra finished programs (complete traversals), best first
     * @param sequences   their observations and priors as if sampled (one row per program)
     * @param evaluations expressions evaluated to find them (counted in the run's {@code n_samples} budget)
     */
    record Result(int[][] programs, SequenceBatch sequences, long evaluations) {

        public static Result none() { return new Result(new int[0][], null, 0); }
    }

    /**
     * @param programs  the batch's finished programs (complete traversals)
     * @param rewards   their rewards
     * @param iteration the 0-based iteration (seed randomness per iteration so a resumed run repeats it)
     */
    Result augment(int[][] programs, double[] rewards, long iteration, Evaluator evaluator);
}
