package io.dsr4j.programs.gp;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;

import java.util.List;

/**
 * The {@code policy} keys of the standalone GP search ({@code policy.type: gp}), declared as the plugin's settings;
 * the population is {@code training.batch_size} and the number of generations {@code training.n_samples / batch_size}.
 */
record GpSearchSettings(GpSettings gp, int maxTreeHeight, String crossover, List<String> mutations) {

    static final Setting<Double> P_CROSSOVER = Setting.real("p_crossover", 0.5).range(0, 1)
            .doc("probability that a consecutive pair of offspring is crossed");
    static final Setting<Double> P_MUTATE = Setting.real("p_mutate", 0.5).range(0, 1)
            .doc("probability that an offspring is mutated");
    static final Setting<Integer> TOURNAMENT_SIZE = Setting.integer("tournament_size", 5).range(1, 1_000_000)
            .doc("tournament selection size");
    static final Setting<Integer> ELITISM = Setting.integer("elitism", 1).range(0, 1_000_000)
            .doc("best individuals copied unchanged into the next generation");
    static final Setting<Integer> MUTATE_TREE_MAX = Setting.integer("mutate_tree_max", 3).range(0, 20)
            .doc("height of the random subtrees of the uniform mutation");
    static final Setting<String> CROSSOVER = Setting.string("crossover", "one_point")
            .doc("GP operator plugin for crossover");
    static final Setting<List<String>> MUTATIONS = Setting.stringList("mutations", GpMeldSettings.DEFAULT_MUTATIONS)
            .doc("GP operator plugins, one drawn uniformly per mutation");

    static final Settings SETTINGS = Settings.of(P_CROSSOVER, P_MUTATE, TOURNAMENT_SIZE, ELITISM, MUTATE_TREE_MAX,
            CROSSOVER, MUTATIONS);

    static GpSearchSettings read(Params p) {
        GpSettings gp = new GpSettings(P_CROSSOVER.read(p), P_MUTATE.read(p), TOURNAMENT_SIZE.read(p), ELITISM.read(p));
        return new GpSearchSettings(gp, MUTATE_TREE_MAX.read(p), CROSSOVER.read(p), MUTATIONS.read(p));
    }
}
