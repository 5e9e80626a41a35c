package io.dsr4j.programs.gp;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;

import java.util.List;

/**
 * The {@code gp_meld} section's keys, declared as the batch augmenter's settings (reference §8 {@code gp_meld}
 * defaults; NGGPPS, Mundhenk et al. 2021).
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

    // The reference has no default population size (a missing one crashes, §9.1 (c)); its examples use 100.
    static final Setting<Integer> POPULATION_SIZE = Setting.integer("population_size", 100).range(2, 10_000_000)
            .doc("GP population drawn from each batch without replacement (the whole batch when smaller)");
    static final Setting<Integer> GENERATIONS = Setting.integer("generations", 20).range(0, 1_000_000)
            .doc("GP generations per iteration");
    static final Setting<Double> P_CROSSOVER = Setting.real("p_crossover", 0.5).range(0, 1)
            .doc("probability that a consecutive pair of offspring is crossed");
    static final Setting<Double> P_MUTATE = Setting.real("p_mutate", 0.5).range(0, 1)
            .doc("probability that an offspring is mutated (one operator of 'mutations' drawn uniformly)");
    static final Setting<Integer> TOURNAMENT_SIZE = Setting.integer("tournament_size", 5).range(1, 1_000_000)
            .doc("tournament selection size");
    static final Setting<Integer> TRAIN_N = Setting.integer("train_n", 50).range(0, 10_000_000)
            .doc("best distinct programs of the GP run appended to the batch the estimator trains on");
    static final Setting<Integer> MUTATE_TREE_MAX = Setting.integer("mutate_tree_max", 3).range(0, 20)
            .doc("height of the uniform mutation's random subtrees (0..this)");
    static final Setting<String> CROSSOVER = Setting.string("crossover", "one_point")
            .doc("gp operator plugin for crossover (./dsr plugins lists them)");
    static final Setting<List<String>> MUTATIONS = Setting.stringList("mutations", DEFAULT_MUTATIONS)
            .doc("gp operator plugins, one drawn uniformly per mutation (the reference's multi_mutate)");

    static final Settings SETTINGS = Settings.of(POPULATION_SIZE, GENERATIONS, P_CROSSOVER, P_MUTATE, TOURNAMENT_SIZE,
            TRAIN_N, MUTATE_TREE_MAX, CROSSOVER, MUTATIONS);

    /** Reads the section's keys ({@code on} and {@code type} already consumed); unknown keys are errors. */
    public static GpMeldSettings read(Params p) {
        GpSettings gp = new GpSettings(P_CROSSOVER.read(p), P_MUTATE.read(p), TOURNAMENT_SIZE.read(p), 0);
        GpMeldSettings s = new GpMeldSettings(POPULATION_SIZE.read(p), GENERATIONS.read(p), gp, TRAIN_N.read(p),
                MUTATE_TREE_MAX.read(p), CROSSOVER.read(p), MUTATIONS.read(p));
        p.requireAllUsed();
        return s;
    }
}
