package io.dsr4j.train.run;

import io.dsr4j.config.DsrConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.dsr4j.train.run.RunTestSupport.column;
import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every built-in estimator trains the policy end to end: the batch's mean reward rises on Nguyen-1. */
class EstimatorsLearnTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"risk_seeking", "vanilla", "pqt", "ppo"})
    void meanRewardImproves(String estimator) throws Exception {
        // A larger learning rate than the default makes 40 small iterations enough to see learning.
        DsrConfig c = config(20_000, 500, Map.of("training.early_stopping", "false", "estimator.type", estimator,
                "estimator.learning_rate", "0.01"));
        Path dir = ExperimentRunner.newRunDirectory(tmp, estimator);
        runner().start(c, dir, List.of(1L), 1);
        Path it = dir.resolve("seed_1/iterations.csv");
        int col = column(it, "r_avg_full");
        List<List<String>> r = rows(it);
        double first = 0, last = 0;
        for (int i = 0; i < 5; i++) first += Double.parseDouble(r.get(i).get(col)) / 5;
        for (int i = r.size() - 5; i < r.size(); i++) last += Double.parseDouble(r.get(i).get(col)) / 5;
        assertTrue(last > first + 0.05, estimator + ": mean reward " + first + " -> " + last);
    }
}
