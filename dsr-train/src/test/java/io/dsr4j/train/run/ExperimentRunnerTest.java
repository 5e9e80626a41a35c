package io.dsr4j.train.run;

import io.dsr4j.config.ConfigLoader;
import io.dsr4j.config.DsrConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.dsr4j.train.run.RunTestSupport.column;
import static io.dsr4j.train.run.RunTestSupport.config;
import static io.dsr4j.train.run.RunTestSupport.rows;
import static io.dsr4j.train.run.RunTestSupport.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunnerTest {

    @TempDir
    Path tmp;

    @Test
    void tinyRunWritesEveryFileForEverySeed() throws Exception {
        DsrConfig c = config(1000, 200, Map.of("training.early_stopping", "false"));
        Path dir = ExperimentRunner.newRunDirectory(tmp, "tiny");
        List<RunResult> results = runner().start(c, dir, List.of(5L, 6L), 2);
        assertEquals(2, results.size());
        for (String f : List.of("config.yaml", "run.yaml", "summary.csv")) assertTrue(Files.exists(dir.resolve(f)), f);
        List<List<String>> summary = rows(dir.resolve("summary.csv"));
        assertEquals(2, summary.size());
        for (long seed : List.of(5L, 6L)) {
            Path s = dir.resolve("seed_" + seed);
            for (String f : List.of("iterations.csv", "hof.csv", "pareto.csv", "result.yaml")) {
                assertTrue(Files.size(s.resolve(f)) > 0, s + "/" + f);
            }
            assertFalse(Files.exists(s.resolve(ExperimentRunner.CHECKPOINT)), "checkpoint removed after finishing");
            assertEquals(5, rows(s.resolve("iterations.csv")).size(), "one row per iteration");
            // risk_seeking logs its quantile R_eps (the last column) and uses it as the baseline
            List<String> lines = Files.readAllLines(s.resolve("iterations.csv"), StandardCharsets.UTF_8);
            assertTrue(lines.get(0).endsWith(",baseline,time,nevals,evals_per_s,quantile"), lines.get(0));
            String[] first = lines.get(1).split(",", -1);
            assertEquals(Double.parseDouble(first[15]), Double.parseDouble(first[first.length - 1]), 0.0,
                    "baseline = R_eps: " + lines.get(1));
        }
        // The written configuration loads back to the same configuration.
        DsrConfig back = ConfigLoader.load(dir.resolve("config.yaml"), List.of());
        assertEquals(c.withPlugins(RunTestSupport.REGISTRY), back.withPlugins(RunTestSupport.REGISTRY));
        String header = Files.readAllLines(dir.resolve("summary.csv"), StandardCharsets.UTF_8).get(0);
        assertTrue(header.startsWith("seed,benchmark,success,iterations,n_samples,seconds,r_best,"));
        assertTrue(header.contains("nmse_test_noiseless") && header.contains("expression") && header.contains("traversal"));
    }

    @Test
    void aTakenRunDirectoryIsNotOverwritten() throws Exception {
        Path first = ExperimentRunner.newRunDirectory(tmp, "x");
        Files.writeString(first.resolve("summary.csv"), "keep");
        Path second = ExperimentRunner.newRunDirectory(tmp, "x");
        assertTrue(!second.equals(first) && second.getFileName().toString().startsWith("x_"));
        assertEquals("keep", Files.readString(first.resolve("summary.csv")));
    }

    @Test
    void sameSeedGivesTheSameRunWhateverTheThreadCount() throws Exception {
        DsrConfig one = config(1500, 300, Map.of("training.early_stopping", "false", "training.n_threads", "1"));
        DsrConfig two = config(1500, 300, Map.of("training.early_stopping", "false", "training.n_threads", "2"));
        Path a = ExperimentRunner.newRunDirectory(tmp, "a");
        Path b = ExperimentRunner.newRunDirectory(tmp, "b");
        runner().start(one, a, List.of(11L), 1);
        runner().start(two, b, List.of(11L), 1);
        assertEquals(rows(a.resolve("seed_11/iterations.csv"), "time", "evals_per_s"),
                rows(b.resolve("seed_11/iterations.csv"), "time", "evals_per_s"));
        assertEquals(rows(a.resolve("summary.csv"), "seconds"), rows(b.resolve("summary.csv"), "seconds"));
    }

    @Test
    void gpMeldRunsAreTheSameWhateverTheThreadCount() throws Exception {
        Map<String, Object> gp = Map.of("training.early_stopping", "false", "gp_meld.on", "true",
                "gp_meld.population_size", "50", "gp_meld.generations", "3", "gp_meld.train_n", "10");
        Path a = ExperimentRunner.newRunDirectory(tmp, "gp1");
        Path b = ExperimentRunner.newRunDirectory(tmp, "gp2");
        Path off = ExperimentRunner.newRunDirectory(tmp, "off");
        runner().start(config(1500, 300, merged(gp, "training.n_threads", "1")), a, List.of(11L), 1);
        runner().start(config(1500, 300, merged(gp, "training.n_threads", "2")), b, List.of(11L), 1);
        runner().start(config(1500, 300, Map.of("training.early_stopping", "false")), off, List.of(11L), 1);
        List<List<String>> iterations = rows(a.resolve("seed_11/iterations.csv"), "time", "evals_per_s");
        assertEquals(iterations, rows(b.resolve("seed_11/iterations.csv"), "time", "evals_per_s"));
        assertEquals(rows(a.resolve("summary.csv"), "seconds"), rows(b.resolve("summary.csv"), "seconds"));
        // Each iteration spends 300 samples + 50 x 3 GP evaluations of the budget, as the reference counts them.
        assertEquals(4, iterations.size());
        assertEquals(5, rows(off.resolve("seed_11/iterations.csv")).size());
    }

    @Test
    void standaloneGpSearchIsOneGenerationPerIterationAndThreadIndependent() throws Exception {
        Map<String, Object> gp = Map.of("training.early_stopping", "false", "policy.type", "gp", "estimator.type", "gp",
                "policy.tournament_size", "3", "policy.elitism", "2");
        Path a = ExperimentRunner.newRunDirectory(tmp, "gps1");
        Path b = ExperimentRunner.newRunDirectory(tmp, "gps2");
        runner().start(config(1000, 200, merged(gp, "training.n_threads", "1")), a, List.of(3L), 1);
        runner().start(config(1000, 200, merged(gp, "training.n_threads", "2")), b, List.of(3L), 1);
        List<List<String>> iterations = rows(a.resolve("seed_3/iterations.csv"), "time", "evals_per_s");
        assertEquals(5, iterations.size(), "1000 samples = 5 generations of 200");
        assertEquals(iterations, rows(b.resolve("seed_3/iterations.csv"), "time", "evals_per_s"));
        // elitism: the best reward never decreases from one generation to the next
        int rMax = column(a.resolve("seed_3/iterations.csv"), "r_max");
        double previous = Double.NEGATIVE_INFINITY;
        for (List<String> row : rows(a.resolve("seed_3/iterations.csv"))) {
            double r = Double.parseDouble(row.get(rMax));
            assertTrue(r >= previous, "r_max fell from " + previous + " to " + r);
            previous = r;
        }
    }

    private static Map<String, Object> merged(Map<String, Object> m, String k, Object v) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(m);
        out.put(k, v);
        return out;
    }

    /** The cache only saves work: evicting (or not caching at all) re-scores a program to the same reward. */
    @Test
    void cacheCapacityDoesNotChangeTheRun() throws Exception {
        Path[] dirs = new Path[3];
        String[] capacities = {"2000000", "50", "0"};
        for (int i = 0; i < 3; i++) {
            dirs[i] = ExperimentRunner.newRunDirectory(tmp, "cache" + i);
            runner().start(config(1500, 300, Map.of("training.early_stopping", "false",
                    "training.cache_capacity", capacities[i])), dirs[i], List.of(5L), 1);
        }
        String[] volatileColumns = {"time", "evals_per_s", "n_novel_full", "n_novel_sub"};
        for (int i = 1; i < 3; i++) {
            assertEquals(rows(dirs[0].resolve("seed_5/iterations.csv"), volatileColumns),
                    rows(dirs[i].resolve("seed_5/iterations.csv"), volatileColumns), "capacity " + capacities[i]);
            assertEquals(rows(dirs[0].resolve("seed_5/hof.csv")), rows(dirs[i].resolve("seed_5/hof.csv")));
        }
    }
}
