package io.dsr4j.programs.gp;

import io.dsr4j.api.settings.Setting;

import java.util.List;

/**
 * The keys of the GP's selection and variation step that the standalone GP search ({@code policy.type: gp},
 * {@link GpSearchSettings}) and GP-meld ({@code gp_meld}, {@link GpMeldSettings}) share, declared once so that both
 * sections read them with the same defaults, ranges and descriptions.
 */
final class GpVariationSettings {

    /** The reference's {@code multi_mutate} operators. */
    static final List<String> DEFAULT_MUTATIONS = List.of("uniform", "node_replacement", "insert", "shrink");

    static final Setting<Double> P_CROSSOVER = Setting.real("p_crossover", 0.5).range(0, 1)
            .doc("probability that a consecutive pair of offspring is crossed");
    static final Setting<Double> P_MUTATE = Setting.real("p_mutate", 0.5).range(0, 1)
            .doc("probability that an offspring is mutated (one operator of 'mutations' drawn uniformly)");
    static final Setting<Integer> TOURNAMENT_SIZE = Setting.integer("tournament_size", 5).range(1, 1_000_000)
            .doc("tournament selection size");
    static final Setting<Integer> MUTATE_TREE_MAX = Setting.integer("mutate_tree_max", 3).range(0, 20)
            .doc("height of the uniform mutation's random subtrees (0..this)");
    static final Setting<String> CROSSOVER = Setting.string("crossover", "one_point")
            .doc("gp operator plugin for crossover (./dsr plugins lists them)");
    static final Setting<List<String>> MUTATIONS = Setting.stringList("mutations", DEFAULT_MUTATIONS)
            .doc("gp operator plugins, one drawn uniformly per mutation (the reference's multi_mutate)");

    private GpVariationSettings() { }
}
