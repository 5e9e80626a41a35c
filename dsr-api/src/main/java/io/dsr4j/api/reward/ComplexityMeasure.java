package io.dsr4j.api.reward;

/**
 * Plugin kind "complexity" ({@code training.complexity}): how complex a program is, for the Pareto front and the
 * complexity reported with each result. The built-ins are {@code token} (the sum of the tokens' complexities, a
 * fitted {@code poly} counting its terms) and {@code length} (the number of tokens). Stateless and thread-safe.
 */
public interface ComplexityMeasure {

    /** The complexity of a finished program (its {@link ProgramInfo#constants()} are the fitted constants). */
    double of(ProgramInfo program);

    default String description() { return ""; }
}
