package io.dsr4j.train;

import io.dsr4j.api.augment.BatchAugmenter;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.eval.ProgramCache;
import io.dsr4j.train.log.HallOfFame;
import io.dsr4j.train.log.IterationStats;
import io.dsr4j.train.log.ParetoFront;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The DSR loop: sample a batch → finish and score the programs (cache, constant fitting, threads) → the estimator
 * updates the policy → bookkeeping (best, hall of fame, Pareto front, statistics). Deterministic for a given seed
 * whatever the number of threads: scoring is a pure function of the traversal, results are merged in batch order.
 */
public final class Trainer implements AutoCloseable {

    /** Called after every iteration (progress, logs, API callbacks). */
    public interface Listener {
        void onIteration(IterationStats stats, Trainer trainer);
    }

    private final TrainerSettings settings;
    private final Policy policy;
    private final GradientEstimator estimator;
    private final ProgramScorer scorer;
    private final int librarySize;
    private final Rng finishRng;
    private final ProgramCache cache;
    private final HallOfFame hallOfFame;
    private final ParetoFront pareto = new ParetoFront();
    private final List<Listener> listeners = new ArrayList<>();
    private final ExecutorService pool;
    private final BatchAugmenter augmenter;

    private long iteration;
    private long nevals;
    private double rBest = Double.NEGATIVE_INFINITY;
    private ProgramRecord best;
    private ProgramScorer.Test bestTest;
    private boolean success;
    private double elapsedSeconds;

    public Trainer(TrainerSettings settings, Policy policy, GradientEstimator estimator, ProgramScorer scorer,
                   int librarySize, long seed) {
        this(settings, policy, estimator, scorer, librarySize, seed, null);
    }

    /**
     * @param augmenter step between scoring and the estimator (GP-meld), or null for plain DSR
     */
    public Trainer(TrainerSettings settings, Policy policy, GradientEstimator estimator, ProgramScorer scorer,
                   int librarySize, long seed, BatchAugmenter augmenter) {
        this.augmenter = augmenter;
        this.settings = settings;
        this.policy = policy;
        this.estimator = estimator;
        this.scorer = scorer;
        this.librarySize = librarySize;
        this.finishRng = new Rng(seed).split(7);
        this.cache = new ProgramCache(settings.cacheCapacity());
        this.hallOfFame = new HallOfFame(settings.hofSize());
        this.pool = settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads() - 1, r -> {
            Thread t = new Thread(r, "dsr-reward");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    public void addListener(Listener l) { listeners.add(l); }

    /** True when the budget is spent or (with early stopping) the target was recovered. */
    public boolean done() {
        return nevals >= settings.nSamples() || (settings.earlyStopping() && success);
    }

    /** Runs iterations until {@link #done()} or {@code stop} says so (checked between iterations). */
    public void run(java.util.function.BooleanSupplier stop) {
        while (!done() && !stop.getAsBoolean()) step();
    }

    /** One iteration. */
    public IterationStats step() {
        long t0 = System.nanoTime();
        SequenceBatch batch = policy.sample(settings.batchSize());
        int n = batch.size();
        int[][] programs = new int[n][];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            programs[i] = scorer.finish(batch.tokens(i), finishRng);
            keys[i] = ProgramCache.key(programs[i]);
        }
        Set<String> novel = new HashSet<>();
        ProgramCache.Entry[] scores = scoreAll(programs, keys, novel);
        double[] rewards = new double[n];
        for (int i = 0; i < n; i++) rewards[i] = scores[i].reward();
        nevals += n;

        if (augmenter != null) {
            BatchAugmenter.Result extra = augmenter.augment(programs, rewards, iteration, this::rewardsOf);
            nevals += extra.evaluations();
            if (extra.programs().length > 0) {
                // Off-policy rows appended before the estimator's filter, as the reference's GP-meld does.
                int m = extra.programs().length;
                String[] extraKeys = new String[m];
                for (int i = 0; i < m; i++) extraKeys[i] = ProgramCache.key(extra.programs()[i]);
                ProgramCache.Entry[] extraScores = scoreAll(extra.programs(), extraKeys, new HashSet<>());
                batch = SequenceBatch.concat(List.of(batch, extra.sequences()));
                programs = concat(programs, extra.programs());
                keys = concat(keys, extraKeys);
                scores = concat(scores, extraScores);
                rewards = new double[n + m];
                for (int i = 0; i < n + m; i++) rewards[i] = scores[i].reward();
                n += m;
            }
        }

        boolean[] invalid = new boolean[n];
        for (int i = 0; i < n; i++) invalid[i] = scores[i].invalid();
        EstimatorStep est = estimator.update(policy, new TrainingSamples(batch, rewards, keys, iteration, invalid));

        int argMax = 0;
        for (int i = 1; i < n; i++) if (rewards[i] > rewards[argMax]) argMax = i;
        if (rewards[argMax] > rBest) {
            rBest = rewards[argMax];
            ProgramCache.Entry e = scores[argMax];
            best = new ProgramRecord(programs[argMax], e.constants(), e.reward(),
                    scorer.complexity(programs[argMax], e.constants()), e.invalid());
            bestTest = scorer.test(best.traversal(), best.constants());
            success = bestTest.success();
        }
        elapsedSeconds += (System.nanoTime() - t0) / 1e9;
        IterationStats stats = statistics(batch, programs, keys, scores, rewards, est, novel,
                (System.nanoTime() - t0) / 1e9);
        iteration++;
        for (Listener l : listeners) l.onIteration(stats, this);
        return stats;
    }

    /** Rewards of programs an augmenter proposes, through the cache like sampled ones (novelty not counted). */
    private double[] rewardsOf(int[][] programs) {
        String[] keys = new String[programs.length];
        for (int i = 0; i < keys.length; i++) keys[i] = ProgramCache.key(programs[i]);
        ProgramCache.Entry[] e = scoreAll(programs, keys, new HashSet<>());
        double[] r = new double[e.length];
        for (int i = 0; i < r.length; i++) r[i] = e[i].reward();
        return r;
    }

    @SafeVarargs
    private static <T> T[] concat(T[] a, T... b) {
        T[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Scores every program, new ones in parallel; merges in batch order so results don't depend on threads. */
    private ProgramCache.Entry[] scoreAll(int[][] programs, String[] keys, Set<String> novel) {
        int n = programs.length;
        ProgramCache.Entry[] out = new ProgramCache.Entry[n];
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProgramCache.Entry e = firstIndex.containsKey(keys[i]) ? null : cache.lookup(keys[i]);
            if (e != null) {
                out[i] = e;
            } else if (firstIndex.putIfAbsent(keys[i], i) == null) {
                todo.add(i);
                novel.add(keys[i]);
            }
        }
        ProgramScorer.Score[] fresh = new ProgramScorer.Score[todo.size()];
        int workers = pool == null ? 1 : settings.threads();
        if (workers == 1 || todo.size() < 2) {
            for (int j = 0; j < fresh.length; j++) fresh[j] = scorer.score(programs[todo.get(j)], 0);
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 1; w < workers; w++) {
                final int worker = w;
                futures.add(pool.submit(() -> scoreStripe(programs, todo, fresh, worker, workers)));
            }
            scoreStripe(programs, todo, fresh, 0, workers);
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while scoring", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
                }
            }
        }
        for (int j = 0; j < fresh.length; j++) {
            int i = todo.get(j);
            ProgramScorer.Score s = fresh[j];
            out[i] = cache.put(keys[i], s.reward(), s.invalid(), s.constants());
            ProgramRecord rec = new ProgramRecord(programs[i], s.constants(), s.reward(),
                    scorer.complexity(programs[i], s.constants()), s.invalid());
            hallOfFame.offer(keys[i], rec);
            pareto.offer(rec);
        }
        for (int i = 0; i < n; i++) if (out[i] == null) out[i] = out[firstIndex.get(keys[i])];
        return out;
    }

    private void scoreStripe(int[][] programs, List<Integer> todo, ProgramScorer.Score[] fresh, int worker, int workers) {
        for (int j = worker; j < fresh.length; j += workers) fresh[j] = scorer.score(programs[todo.get(j)], worker);
    }

    private IterationStats statistics(SequenceBatch batch, int[][] programs, String[] keys, ProgramCache.Entry[] scores,
                                      double[] rewards, EstimatorStep est, Set<String> novel, double seconds) {
        int n = rewards.length;
        int[] kept = est.keptRows() == null ? new int[0] : est.keptRows();
        double rMax = Double.NEGATIVE_INFINITY, rSum = 0, lSum = 0, invSum = 0;
        Set<String> unique = new HashSet<>();
        int novelFull = 0;
        for (int i = 0; i < n; i++) {
            rMax = Math.max(rMax, rewards[i]);
            rSum += rewards[i];
            lSum += programs[i].length;
            invSum += scores[i].invalid() ? 1 : 0;
            unique.add(keys[i]);
            if (novel.contains(keys[i])) novelFull++;
        }
        double rSub = 0, lSub = 0, invSub = 0;
        Set<String> uniqueSub = new HashSet<>();
        int novelSub = 0;
        for (int i : kept) {
            rSub += rewards[i];
            lSub += programs[i].length;
            invSub += scores[i].invalid() ? 1 : 0;
            uniqueSub.add(keys[i]);
            if (novel.contains(keys[i])) novelSub++;
        }
        int k = Math.max(1, kept.length);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return new IterationStats(iteration, rBest, rMax, rSum / n, kept.length == 0 ? Double.NaN : rSub / k,
                lSum / n, kept.length == 0 ? Double.NaN : lSub / k, unique.size(), uniqueSub.size(),
                novelFull, novelSub, positionalEntropy(batch, all), positionalEntropy(batch, kept),
                invSum / n, kept.length == 0 ? Double.NaN : invSub / k,
                est.baseline(), seconds, nevals, n / Math.max(seconds, 1e-9), est.quantile());
    }

    /** Mean over positions of the empirical entropy of the token column (padding counts as its own symbol). */
    private double positionalEntropy(SequenceBatch batch, int[] rows) {
        if (rows.length == 0) return Double.NaN;
        int width = batch.width();
        int[] counts = new int[librarySize + 1];
        double total = 0;
        for (int t = 0; t < width; t++) {
            java.util.Arrays.fill(counts, 0);
            for (int r : rows) counts[t < batch.length(r) ? batch.action(r, t) : librarySize]++;
            double h = 0;
            for (int c : counts) {
                if (c > 0) {
                    double p = (double) c / rows.length;
                    h -= p * Math.log(p);
                }
            }
            total += h;
        }
        return total / width;
    }

    public long iteration() { return iteration; }

    public long nevals() { return nevals; }

    public double rBest() { return rBest; }

    /** Best program so far (highest training reward), or null before the first iteration. */
    public ProgramRecord best() { return best; }

    public ProgramScorer.Test bestTest() { return bestTest; }

    public boolean success() { return success; }

    public double elapsedSeconds() { return elapsedSeconds; }

    public HallOfFame hallOfFame() { return hallOfFame; }

    public ParetoFront paretoFront() { return pareto; }

    public ProgramScorer scorer() { return scorer; }

    public Policy policy() { return policy; }

    public TrainerSettings settings() { return settings; }

    // --- checkpoint support (see TrainerCheckpoint) ---

    GradientEstimator estimator() { return estimator; }

    ProgramCache cache() { return cache; }

    Rng finishRng() { return finishRng; }

    void restoreCounters(long iteration, long nevals, double rBest, ProgramRecord best, double elapsedSeconds) {
        this.iteration = iteration;
        this.nevals = nevals;
        this.rBest = rBest;
        this.best = best;
        this.elapsedSeconds = elapsedSeconds;
        if (best != null) {
            bestTest = scorer.test(best.traversal(), best.constants());
            success = bestTest.success();
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
