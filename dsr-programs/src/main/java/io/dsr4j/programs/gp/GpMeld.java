package io.dsr4j.programs.gp;

import io.dsr4j.api.augment.BatchAugmenter;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * GP-meld (neural-guided GP population seeding, reference §9.1): each iteration an inner GP run is seeded with the
 * sampled batch and its {@code train_n} best distinct programs, with observations and priors recomputed as if
 * sampled, are appended to the batch the estimator trains on.
 *
 * <p>Deliberate fixes of the reference, each a bug listed in §9.1/§11: offspring are scored as the trees they are
 * (DSO HEAD scores the stale token vector of the original sample, so crossover and mutation never change a
 * fitness); the first selection uses the batch's rewards (DSO selects on not-yet-evaluated fitness, i.e. takes the
 * first aspirant); the observations store dangling before each token like sampled rows (DSO's GP rows store it
 * after); the population size has a default. The run's randomness is a stream split per iteration from the seed,
 * so a resumed run repeats it and the thread count does not matter.
 */
public final class GpMeld implements BatchAugmenter {

    private final SamplingEnvironment environment;
    private final GpMeldSettings settings;
    private final GpEngine engine;
    private final Rng seeds;

    public GpMeld(SamplingEnvironment environment, GpMeldSettings settings, GpEngine engine, long seed) {
        this.environment = environment;
        this.settings = settings;
        this.engine = engine;
        this.seeds = new Rng(seed);
    }

    @Override
    public Result augment(int[][] programs, double[] rewards, long iteration, Evaluator evaluator) {
        if (settings.trainN() == 0 || programs.length == 0) return Result.none();
        Rng rng = seeds.split(iteration);
        Population population = seed(programs, rewards, rng);
        EliteSet elite = new EliteSet(settings.trainN());
        long evaluations = 0;
        for (int g = 0; g < settings.generations(); g++) {
            population = engine.generation(population, evaluator, rng);
            evaluations += population.size();   // as the reference: every offspring counts (cached or not)
            elite.update(population);
        }
        int[][] best = elite.programs();
        // Seeds that Programs.finish completed with random inputs may break a constraint: never train on those.
        boolean[] bad = environment.violations(best);
        List<int[]> keep = new ArrayList<>();
        for (int i = 0; i < best.length; i++) if (!bad[i]) keep.add(best[i]);
        int[][] out = keep.toArray(int[][]::new);
        if (out.length == 0) return new Result(out, null, evaluations);
        SequenceBatch sequences = SequenceBatch.replay(environment, out);
        return new Result(out, sequences, evaluations);
    }

    /** The batch, or {@code population_size} of its programs drawn without replacement. */
    private Population seed(int[][] programs, double[] rewards, Rng rng) {
        int n = programs.length;
        int k = Math.min(settings.populationSize(), n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        if (k < n) {
            for (int i = 0; i < k; i++) {           // partial Fisher–Yates
                int j = i + rng.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        int[][] p = new int[k][];
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = programs[idx[i]];
            r[i] = rewards[idx[i]];
        }
        return new Population(p, r);
    }
}
