package io.dsr4j.programs.print;

/**
 * A parsed expression.
 *
 * @param traversal prefix token indices
 * @param constants values of the {@code const} tokens in traversal order (NaN for a bare {@code const})
 */
public record ParsedProgram(int[] traversal, double[] constants) { }
