package io.dsr4j.api.reward;

/** A reward computed from predictions on the training targets it was built for. Higher is better. */
public interface Metric {

    /** Reward of predictions {@code yHat} (length = training size, all finite). */
    double reward(double[] yHat);

    /**
     * Reward of {@code program}'s predictions {@code yHat}: a reward that depends on the program (a complexity
     * penalty, say) overrides this. The default is {@link #reward(double[])}. Rewards are cached per program, so
     * the result must depend on nothing else.
     */
    default double reward(double[] yHat, ProgramInfo program) { return reward(yHat); }

    /** Reward given to invalid programs. */
    double invalidReward();

    /** Best possible reward. */
    double maxReward();
}
