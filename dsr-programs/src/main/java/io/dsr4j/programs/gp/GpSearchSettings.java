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
 * The {@code policy} keys of the standalone GP search ({@code policy.type: gp}), declared as the plugin's settings;
 * the population is {@code training.batch_size} and the number of generations {@code training.n_samples / batch_size}.
 */
record GpSearchSettings(GpSettings gp, int maxTreeHeight, String crossover, List<String> mutations) {

    static final Setting<Integer> ELITISM = Setting.integer("elitism", 1).range(0, 1_000_000)
            .doc("best individuals copied unchanged into the next generation");

    static final Settings SETTINGS = Settings.of(P_CROSSOVER, P_MUTATE, TOURNAMENT_SIZE, ELITISM, MUTATE_TREE_MAX,
            CROSSOVER, MUTATIONS);

    static GpSearchSettings read(Params p) {
        GpSettings gp = new GpSettings(P_CROSSOVER.read(p), P_MUTATE.read(p), TOURNAMENT_SIZE.read(p), ELITISM.read(p));
        return new GpSearchSettings(gp, MUTATE_TREE_MAX.read(p), CROSSOVER.read(p), MUTATIONS.read(p));
    }
}
