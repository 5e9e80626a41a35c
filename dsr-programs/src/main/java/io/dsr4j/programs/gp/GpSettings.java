package io.dsr4j.programs.gp;

/**
 * Settings of one GP generation (DEAP's {@code varAnd} loop as DSO's {@code RunOneStepAlgorithm} runs it).
 *
 * @param pCrossover     probability that a consecutive pair of offspring is crossed
 * @param pMutate        probability that an offspring is mutated (by one operator drawn uniformly)
 * @param tournamentSize individuals per selection tournament (drawn with replacement)
 * @param elitism        best individuals copied unchanged into the next generation (0 in GP-meld)
 */
public record GpSettings(double pCrossover, double pMutate, int tournamentSize, int elitism) {

    public GpSettings {
        if (!(pCrossover >= 0 && pCrossover <= 1)) throw new IllegalArgumentException("p_crossover must be in [0, 1]");
        if (!(pMutate >= 0 && pMutate <= 1)) throw new IllegalArgumentException("p_mutate must be in [0, 1]");
        if (tournamentSize < 1) throw new IllegalArgumentException("tournament size must be at least 1");
        if (elitism < 0) throw new IllegalArgumentException("elitism must be at least 0");
    }
}
