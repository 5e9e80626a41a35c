package io.dsr4j.programs.data;

/**
 * One row of the published benchmark definitions ({@code benchmarks.csv}).
 *
 * @param name            e.g. "Nguyen-1"
 * @param variableCount   number of inputs x1..xn
 * @param expression      the generating expression in the reference's Python/NumPy syntax
 * @param trainSpec       how training inputs are sampled
 * @param testSpec        how test inputs are sampled, or null: like the training set, with fresh draws
 * @param functionSetName name of the benchmark's function set in {@code function_sets.csv}
 */
public record Benchmark(String name, int variableCount, String expression, SamplingSpec trainSpec,
                        SamplingSpec testSpec, String functionSetName) {

    /** The test spec, or the training spec when the benchmark has none. */
    public SamplingSpec testSpecOrTrain() {
        return testSpec != null ? testSpec : trainSpec;
    }
}
