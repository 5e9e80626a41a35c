package io.dsr4j.train;

import io.dsr4j.api.augment.BatchAugmenter;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.ChunkRunner;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.eval.ProgramCache;
import io.dsr4j.train.log.HallOfFame;
import io.dsr4j.train.log.IterationStats;
import io.dsr4j.train.log.ParetoFront;

import java.util.ArrayList;
import java.util.List;

/**
 * The DSR loop: sample a batch → finish and score the programs (cache, constant fitting, threads) → the estimator
 * updates the policy → bookkeeping (best, hall of fame, Pareto front, statistics). Deterministic for a given seed
 * whatever the number of threads: scoring is a pure function of the traversal, results are merged in batch order.
 *
 * <p>Per row work (cache keys and the read-only half of the cache look-ups, scoring, complexity) runs on the run's
 * worker threads, each row writing only its own slot; the cache's recency and counters, the hall of fame and the
 * Pareto front are updated on the calling thread in batch order.
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
    private final ChunkRunner runner;
    /** False when the run shares its worker threads with the policy (the run closes them). */
    private final boolean ownsRunner;
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
        this(settings, policy, estimator, scorer, librarySize, seed, augmenter, null);
    }

    /**
     * @param augmenter step between scoring and the estimator (GP-meld), or null for plain DSR
     * @param runner    the run's worker threads ({@code settings.threads()} of them, shared with the policy; not
     *                  closed here), or null for threads of the trainer's own
     */
    public Trainer(TrainerSettings settings, Policy policy, GradientEstimator estimator, ProgramScorer scorer,
                   int librarySize, long seed, BatchAugmenter augmenter, ChunkRunner runner) {
        if (runner != null && runner.threads() != Math.max(1, settings.threads())) {
            throw new IllegalArgumentException("runner has " + runner.threads() + " threads, settings say "
                    + settings.threads());
        }
        this.augmenter = augmenter;
        this.settings = settings;
        this.policy = policy;
        this.estimator = estimator;
        this.scorer = scorer;
        this.librarySize = librarySize;
        this.finishRng = new Rng(seed).split(7);
        this.cache = new ProgramCache(settings.cacheCapacity());
        this.hallOfFame = new HallOfFame(settings.hofSize());
        this.ownsRunner = runner == null;
        this.runner = ownsRunner ? new ChunkRunner(settings.threads()) : runner;
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
        for (int i = 0; i < n; i++) programs[i] = scorer.finish(batch.tokens(i), finishRng);
        Scored sampled = scoreAll(programs);
        String[] keys = sampled.keys();
        ProgramCache.Entry[] scores = sampled.entries();
        int[] group = sampled.first();
        int sampledRows = n;
        double[] rewards = new double[n];
        for (int i = 0; i < n; i++) rewards[i] = scores[i].reward();
        nevals += n;

        if (augmenter != null) {
            BatchAugmenter.Result extra = augmenter.augment(programs, rewards, iteration, this::rewardsOf);
            nevals += extra.evaluations();
            if (extra.programs().length > 0) {
                // Off-policy rows appended before the estimator's filter, as the reference's GP-meld does.
                int m = extra.programs().length;
                Scored extraScored = scoreAll(extra.programs());
                batch = SequenceBatch.concat(List.of(batch, extra.sequences()));
                programs = concat(programs, extra.programs());
                keys = concat(keys, extraScored.keys());
                scores = concat(scores, extraScored.entries());
                group = KeyGroups.firstOccurrence(keys);
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
        // Novel: the key missed the cache in this batch's look-ups (GP-meld's rows count when they repeat such a key).
        boolean[] novel = new boolean[n];
        for (int i = 0; i < n; i++) novel[i] = group[i] < sampledRows && sampled.missed()[group[i]];
        IterationStats stats = statistics(batch, programs, group, scores, rewards, est, novel,
                (System.nanoTime() - t0) / 1e9);
        iteration++;
        for (Listener l : listeners) l.onIteration(stats, this);
        return stats;
    }

    /** Rewards of programs an augmenter proposes, through the cache like sampled ones (novelty not counted). */
    private double[] rewardsOf(int[][] programs) {
        ProgramCache.Entry[] e = scoreAll(programs).entries();
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

    /**
     * A batch's programs scored: their cache keys and entries; for each row the first row with the same key; and
     * whether its key missed the cache (it was scored in this call).
     */
    private record Scored(String[] keys, ProgramCache.Entry[] entries, int[] first, boolean[] missed) { }

    private static final int LOOKUP_ROWS_PER_CHUNK = 64;
    private static final int SCORE_ROWS_PER_CHUNK = 8;

    /** Scores every program, new ones in parallel; merges in batch order so results don't depend on threads. */
    private Scored scoreAll(int[][] programs) {
        int n = programs.length;
        String[] keys = new String[n];
        int[] slots = new int[n];
        ProgramCache.Entry[] out = new ProgramCache.Entry[n];
        forEachChunk(n, LOOKUP_ROWS_PER_CHUNK, (from, to, worker) -> {
            for (int i = from; i < to; i++) keys[i] = ProgramCache.key(programs[i]);
            cache.locateAll(keys, from, to, slots);
            for (int i = from; i < to; i++) if (slots[i] >= 0) out[i] = cache.entryAt(slots[i], keys[i]);
        });
        // In batch order, as look-ups one by one would: each row of a cached key is a hit; the first row of a key
        // the cache lacks is a miss and gets scored, the rows repeating it share its result.
        int[] first = KeyGroups.firstOccurrence(keys);
        boolean[] missed = new boolean[n];
        int[] todo = new int[n];
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            if (slots[i] >= 0) {
                cache.recordLookup(slots[i]);
            } else {
                missed[i] = true;
                if (first[i] == i) {
                    cache.recordLookup(-1);
                    todo[fresh++] = i;
                }
            }
        }
        ProgramScorer.Score[] scores = new ProgramScorer.Score[fresh];
        ProgramRecord[] records = new ProgramRecord[fresh];
        forEachChunk(fresh, SCORE_ROWS_PER_CHUNK, (from, to, worker) -> {
            for (int j = from; j < to; j++) {
                int[] program = programs[todo[j]];
                ProgramScorer.Score s = scorer.score(program, worker);
                scores[j] = s;
                records[j] = new ProgramRecord(program, s.constants(), s.reward(),
                        scorer.complexity(program, s.constants()), s.invalid());
            }
        });
        for (int j = 0; j < fresh; j++) {
            int i = todo[j];
            ProgramScorer.Score s = scores[j];
            out[i] = cache.put(keys[i], s.reward(), s.invalid(), s.constants());
            hallOfFame.offer(keys[i], records[j]);
            pareto.offer(records[j]);
        }
        for (int i = 0; i < n; i++) if (out[i] == null) out[i] = out[first[i]];
        return new Scored(keys, out, first, missed);
    }

    private interface RowsBody {
        void run(int from, int to, int worker);
    }

    /** Runs {@code body} on the worker threads for rows 0..rows-1 cut into chunks of consecutive rows. */
    private void forEachChunk(int rows, int rowsPerChunk, RowsBody body) {
        int chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        runner.run(chunks, (chunk, worker) ->
                body.run(chunk * rowsPerChunk, Math.min(rows, (chunk + 1) * rowsPerChunk), worker));
    }

    /** @param group for each row the first row with the same key; @param novel whether each row's key is novel */
    private IterationStats statistics(SequenceBatch batch, int[][] programs, int[] group, ProgramCache.Entry[] scores,
                                      double[] rewards, EstimatorStep est, boolean[] novel, double seconds) {
        int n = rewards.length;
        int[] kept = est.keptRows() == null ? new int[0] : est.keptRows();
        double rMax = Double.NEGATIVE_INFINITY, rSum = 0, lSum = 0, invSum = 0;
        int unique = 0;
        int novelFull = 0;
        for (int i = 0; i < n; i++) {
            rMax = Math.max(rMax, rewards[i]);
            rSum += rewards[i];
            lSum += programs[i].length;
            invSum += scores[i].invalid() ? 1 : 0;
            if (group[i] == i) unique++;
            if (novel[i]) novelFull++;
        }
        double rSub = 0, lSub = 0, invSub = 0;
        int novelSub = 0;
        for (int i : kept) {
            rSub += rewards[i];
            lSub += programs[i].length;
            invSub += scores[i].invalid() ? 1 : 0;
            if (novel[i]) novelSub++;
        }
        int k = Math.max(1, kept.length);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return new IterationStats(iteration, rBest, rMax, rSum / n, kept.length == 0 ? Double.NaN : rSub / k,
                lSum / n, kept.length == 0 ? Double.NaN : lSub / k, unique, KeyGroups.distinct(group, kept),
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
        if (ownsRunner) runner.close();
    }
}
