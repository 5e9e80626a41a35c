package io.dsr4j.programs.gp;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;

import java.util.List;

import static io.dsr4j.programs.gp.GpVariationSettings.CROSSOVER;
import static io.dsr4j.programs.gp.GpVariationSettings.MUTATE_TREE_MAX;
import static io.dsr4j.programs.gp.GpVariationSettings.MUTATIONS;
import static io.dsr4j.programs.gp.GpVariationSettings.P_CROSSOVER;
import static io.dsr4j.programs.gp.GpVariationSettings.P_MUTATE;
import static io.dsr4j.programs.gp.GpVariationSettings.TOURNAMENT_SIZE;

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

    // The reference has no default population size (a missing one crashes, §9.1 (c)); its examples use 100.
    static final Setting<Integer> POPULATION_SIZE = Setting.integer("population_size", 100).range(2, 10_000_000)
            .doc("GP population drawn from each batch without replacement (the whole batch when smaller)");
    static final Setting<Integer> GENERATIONS = Setting.integer("generations", 20).range(0, 1_000_000)
            .doc("GP generations per iteration");
    static final Setting<Integer> TRAIN_N = Setting.integer("train_n", 50).range(0, 10_000_000)
            .doc("best distinct programs of the GP run appended to the batch the estimator trains on");

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
