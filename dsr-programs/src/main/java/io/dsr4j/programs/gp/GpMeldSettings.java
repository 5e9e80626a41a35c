package io.dsr4j.programs.gp;

import io.dsr4j.api.config.Params;

import java.util.List;

/**
 * The {@code gp_meld} section (reference §8 {@code gp_meld} defaults; NGGPPS, Mundhenk et al. 2021).
 *
 * @param populationSize GP population drawn from each batch (the whole batch when larger)
 * @param generations    generations per iteration
 * @param trainN         elite programs appended to the batch
 * @param maxTreeHeight  height of the random subtrees of the uniform mutation ({@code mutate_tree_max})
 * @param crossover      GP operator plugin used for crossover
 * @param mutations      GP operator plugins, one drawn uniformly for each mutation
 */
public record GpMeldSettings(int populationSize, int generations, GpSettings gp, int trainN, int maxTreeHeight,
                             String crossover, List<String> mutations) {

    public static final List<String> DEFAULT_MUTATIONS = List.of("uniform", "node_replacement", "insert", "shrink");

    /** Reads the section's keys ({@code on} and {@code type} already consumed); unknown keys are errors. */
    public static GpMeldSettings read(Params p) {
        // The reference has no default population size (a missing one crashes, §9.1 (c)); its examples use 100.
        int pop = p.getInt("population_size", 100, 2, 10_000_000);
        int generations = p.getInt("generations", 20, 0, 1_000_000);
        double pc = p.getDouble("p_crossover", 0.5, 0, 1);
        double pm = p.getDouble("p_mutate", 0.5, 0, 1);
        int tournament = p.getInt("tournament_size", 5, 1, 1_000_000);
        int trainN = p.getInt("train_n", 50, 0, 10_000_000);
        int height = p.getInt("mutate_tree_max", 3, 0, 20);
        String crossover = p.getString("crossover", "one_point");
        List<String> mutations = p.getStringList("mutations", DEFAULT_MUTATIONS);
        p.requireAllUsed();
        return new GpMeldSettings(pop, generations, new GpSettings(pc, pm, tournament, 0), trainN, height, crossover, mutations);
    }
}
