package io.dsr4j.train;

/**
 * What the trainer needs from the task: score a finished traversal (constant fitting included), test it on the
 * held-out data, and describe it. {@link #score} may be called concurrently with distinct {@code worker} indices, and
 * {@link #complexity(int[], double[])} concurrently with anything (the trainer calls both on its worker threads).
 */
public interface ProgramScorer {

    /** Result of scoring on the training data. */
    record Score(double reward, boolean invalid, double[] constants) { }

    /** Result on the test data (NaN metrics when invalid). */
    record Test(double nmseTest, double nmseTestNoiseless, boolean success) { }

    /** @param worker index in [0, workers) of the calling thread; each worker has its own buffers */
    Score score(int[] traversal, int worker);

    Test test(int[] traversal, double[] constants);

    double complexity(int[] traversal);

    /** Complexity with the program's fitted values (a fitted {@code poly} counts its terms). */
    default double complexity(int[] traversal, double[] constants) { return complexity(traversal); }

    /** Readable infix with fitted constants. */
    String infix(int[] traversal, double[] constants);

    String latex(int[] traversal, double[] constants);

    String sympy(int[] traversal, double[] constants);

    /** Comma-separated prefix token names (fitted constants shown as their values). */
    String traversalString(int[] traversal, double[] constants);

    /** The program for computer algebra (token names, fitted constants, protected mode). */
    io.dsr4j.programs.symbolic.SymbolicProgram symbolic(int[] traversal, double[] constants);

    /**
     * Data rows to check a simplified form on: inputs and the program's values there (NaN where not finite), a
     * sample of the training and test rows.
     */
    io.dsr4j.programs.symbolic.SymbolicMath.Check check(int[] traversal, double[] constants);

    /** Finishes a sampled token sequence (truncate at completion or pad with random inputs from {@code rng}). */
    int[] finish(int[] tokens, io.dsr4j.api.util.Rng rng);
}
