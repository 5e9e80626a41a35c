package io.dsr4j.programs.gp;

import io.dsr4j.api.config.Params;

import java.util.List;

/**
 * The {@code policy} keys of the standalone GP search ({@code policy.type: gp}); the population is
 * {@code training.batch_size} and the number of generations {@code training.n_samples / batch_size}.
 */
record GpSearchSettings(GpSettings gp, int maxTreeHeight, String crossover, List<String> mutations) {

    static GpSearchSettings read(Params p) {
        double pc = p.getDouble("p_crossover", 0.5, 0, 1);
        double pm = p.getDouble("p_mutate", 0.5, 0, 1);
        int tournament = p.getInt("tournament_size", 5, 1, 1_000_000);
        int elitism = p.getInt("elitism", 1, 0, 1_000_000);
        int height = p.getInt("mutate_tree_max", 3, 0, 20);
        String crossover = p.getString("crossover", "one_point");
        List<String> mutations = p.getStringList("mutations", GpMeldSettings.DEFAULT_MUTATIONS);
        return new GpSearchSettings(new GpSettings(pc, pm, tournament, elitism), height, crossover, mutations);
    }
}
