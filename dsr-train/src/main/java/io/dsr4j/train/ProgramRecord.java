package io.dsr4j.train;

/**
 * An evaluated program as the trainer keeps it (hall of fame, Pareto front, best so far).
 *
 * @param traversal  finished prefix traversal (token indices)
 * @param constants  fitted values of its {@code const} tokens, in traversal order (empty if none)
 * @param reward     training reward
 * @param complexity complexity for the Pareto front
 * @param invalid    true if evaluation produced non-finite values
 */
public record ProgramRecord(int[] traversal, double[] constants, double reward, double complexity, boolean invalid) { }
