package io.dsr4j.programs.gp;

import io.dsr4j.api.augment.BatchAugmenter;
import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.util.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One generation of genetic programming over the task's library and priors: tournament selection, crossover of
 * consecutive pairs, mutation, then rewards through the trainer's evaluator (cache, constant fitting, threads).
 * A child that violates a hard constraint (priors, length) is replaced by a copy of one of its parents drawn at
 * random without replacement, as DSO's {@code staticLimit} decorator does. Deterministic given {@code rng}.
 */
public final class GpEngine {

    private final SamplingEnvironment environment;
    private final GpSettings settings;
    private final GpOperator crossover;
    private final List<GpOperator> mutations;

    public GpEngine(SamplingEnvironment environment, GpSettings settings, GpOperator crossover, List<GpOperator> mutations) {
        if (crossover != null && crossover.parents() != 2) throw new IllegalArgumentException("a crossover takes 2 parents");
        for (GpOperator m : mutations) if (m.parents() != 1) throw new IllegalArgumentException("a mutation takes 1 parent");
        this.environment = environment;
        this.settings = settings;
        this.crossover = crossover;
        this.mutations = List.copyOf(mutations);
    }

    /** The next generation (same size), every individual scored; {@code population} is not modified. */
    public Population generation(Population population, BatchAugmenter.Evaluator evaluator, Rng rng) {
        int[] elites = bestIndices(population, Math.min(settings.elitism(), population.size()));
        int[][] offspring = offspring(population, population.size() - elites.length, rng);
        double[] rewards = evaluator.rewards(offspring);
        if (elites.length == 0) return new Population(offspring, rewards);
        return withElites(population, elites, offspring, rewards);
    }

    /**
     * The next generation's programs, not yet scored: the {@code elitism} best unchanged, then the offspring (for a
     * search whose caller scores them, such as the standalone GP policy).
     */
    public int[][] breed(Population population, Rng rng) {
        int[] elites = bestIndices(population, Math.min(settings.elitism(), population.size()));
        int[][] offspring = offspring(population, population.size() - elites.length, rng);
        return withElites(population, elites, offspring, new double[offspring.length]).programs();
    }

    private int[][] offspring(Population population, int count, Rng rng) {
        int[][] offspring = new int[count][];
        for (int i = 0; i < count; i++) offspring[i] = population.programs()[tournament(population, rng)];
        cross(offspring, rng);
        mutate(offspring, rng);
        return offspring;
    }

    private static Population withElites(Population population, int[] elites, int[][] offspring, double[] rewards) {
        int n = elites.length + offspring.length;
        int[][] programs = new int[n][];
        double[] r = new double[n];
        for (int i = 0; i < elites.length; i++) {
            programs[i] = population.programs()[elites[i]];
            r[i] = population.rewards()[elites[i]];
        }
        System.arraycopy(offspring, 0, programs, elites.length, offspring.length);
        System.arraycopy(rewards, 0, r, elites.length, rewards.length);
        return new Population(programs, r);
    }

    /**
     * DEAP {@code selTournament}: {@code tournamentSize} aspirants drawn with replacement, the first of the highest
     * reward wins.
     */
    int tournament(Population population, Rng rng) {
        int n = population.size();
        int best = rng.nextInt(n);
        for (int k = 1; k < settings.tournamentSize(); k++) {
            int c = rng.nextInt(n);
            if (population.rewards()[c] > population.rewards()[best]) best = c;
        }
        return best;
    }

    private void cross(int[][] offspring, Rng rng) {
        if (crossover == null) return;
        List<Integer> pairs = new ArrayList<>();
        List<int[][]> parents = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        for (int i = 1; i < offspring.length; i += 2) {
            if (rng.nextDouble() < settings.pCrossover()) {
                int[][] pair = {offspring[i - 1], offspring[i]};
                int[][] kids = crossover.apply(pair, rng);
                pairs.add(i - 1);
                parents.add(pair);
                children.add(kids[0]);
                children.add(kids[1]);
            }
        }
        if (pairs.isEmpty()) return;
        boolean[] bad = environment.violations(children.toArray(int[][]::new));
        for (int p = 0; p < pairs.size(); p++) {
            int[][] keep = parents.get(p);
            List<int[]> pool = new ArrayList<>(Arrays.asList(keep));
            for (int k = 0; k < 2; k++) {
                int[] child = children.get(2 * p + k);
                offspring[pairs.get(p) + k] = bad[2 * p + k] ? pool.remove(rng.nextInt(pool.size())) : child;
            }
        }
    }

    private void mutate(int[][] offspring, Rng rng) {
        if (mutations.isEmpty()) return;
        List<Integer> at = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        for (int i = 0; i < offspring.length; i++) {
            // DSO's multi_mutate: np.random.rand() <= p_mutate, then one of the operators uniformly
            if (rng.nextDouble() <= settings.pMutate()) {
                GpOperator op = mutations.get(rng.nextInt(mutations.size()));
                at.add(i);
                children.add(op.apply(new int[][]{offspring[i]}, rng)[0]);
            }
        }
        if (at.isEmpty()) return;
        boolean[] bad = environment.violations(children.toArray(int[][]::new));
        for (int k = 0; k < at.size(); k++) if (!bad[k]) offspring[at.get(k)] = children.get(k);
    }

    /** Indices of the {@code k} highest rewards, best first, ties by index. */
    static int[] bestIndices(Population population, int k) {
        if (k == 0) return new int[0];
        Integer[] idx = new Integer[population.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        double[] r = population.rewards();
        Arrays.sort(idx, (a, b) -> r[a] != r[b] ? Double.compare(r[b], r[a]) : Integer.compare(a, b));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = idx[i];
        return out;
    }
}
