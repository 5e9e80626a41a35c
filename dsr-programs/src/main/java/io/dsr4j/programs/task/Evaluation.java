package io.dsr4j.programs.task;

/**
 * Result of scoring a program on the training data.
 *
 * @param reward     the metric's reward, or its invalid reward
 * @param invalid    true when the program produced a non-finite value (after constant fitting)
 * @param constants  fitted {@code const} values in traversal order (empty if none)
 * @param trainNrmse sqrt(MSE / var(y)) on the training data; NaN when invalid or when y is constant
 */
public record Evaluation(double reward, boolean invalid, double[] constants, double trainNrmse) { }
