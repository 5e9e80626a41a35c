package io.dsr4j.train.estimator;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.estimator.KeptBatch;
import io.dsr4j.api.estimator.LinearPolicyLoss;
import io.dsr4j.api.estimator.PolicyGradient;
import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Priority queue training (estimator type {@code pqt}). Each iteration: filter the batch by ε, push the best kept
 * sample into a unique top-k queue, draw {@code pqt_batch_size} queue entries uniformly with replacement, and take one
 * optimiser step on one batch [kept rows, drawn rows] with the loss
 * <pre>
 *   pqt_weight·mean_{drawn}(neglogp) − w·mean_{kept}(entropy) [+ mean_{kept}((r − R_ε)·neglogp) if pqt_use_pg]
 * </pre>
 * The entropy term is over the kept batch, as in the reference (its entropy regulariser is built on the sampled
 * batch, not the queue batch). The reference stores {@code pqt_use_pg} but never adds the PG term; here it does.
 * Keys: {@code epsilon} (0.05), {@code pqt_k} (10), {@code pqt_batch_size} (1), {@code pqt_weight} (200),
 * {@code pqt_use_pg} (false). The queue and the draw RNG are checkpointed.
 */
public final class PqtEstimator implements GradientEstimator {

    public static final String NAME = "pqt";
    /** Stream index of the draw RNG, so it is independent of other components seeded with the same seed. */
    static final long RNG_STREAM = 0x5051_5400L;

    private final EstimatorContext context;
    private final double epsilon;
    private final int batchSize;
    private final double weight;
    private final boolean usePg;
    private final TopKSampleQueue queue;
    private final Rng rng;

    public PqtEstimator(EstimatorContext context, double epsilon, int k, int batchSize, double weight, boolean usePg) {
        if (!(epsilon > 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon " + epsilon + " not in (0, 1]");
        if (batchSize < 1) throw new IllegalArgumentException("PQT batch size must be at least 1");
        this.context = context;
        this.epsilon = epsilon;
        this.batchSize = batchSize;
        this.weight = weight;
        this.usePg = usePg;
        this.queue = new TopKSampleQueue(k);
        this.rng = new Rng(context.seed()).split(RNG_STREAM);
    }

    public TopKSampleQueue queue() { return queue; }

    public boolean usesPolicyGradient() { return usePg; }

    @Override
    public EstimatorStep update(Policy policy, TrainingSamples samples) {
        if (samples.size() == 0) return PolicyGradient.nothingTrained();
        KeptBatch kept = KeptBatch.of(samples, epsilon);
        int best = kept.bestPosition();
        int row = kept.row(best);
        queue.push(samples.keys()[row], kept.reward(best), samples.sequences().select(new int[] {row}));
        SequenceBatch drawn = queue.draw(batchSize, rng);

        double baseline = kept.clippedQuantile();
        int n = kept.size(), m = drawn.size();
        double[] c = new double[n + m];
        double[] d = new double[n + m];
        for (int i = 0; i < n; i++) {
            c[i] = usePg ? (kept.reward(i) - baseline) / n : 0;
            d[i] = -context.entropyWeight() / n;
        }
        for (int j = 0; j < m; j++) c[n + j] = weight / m;
        SequenceBatch train = SequenceBatch.concat(List.of(kept.sequences(), drawn));
        double loss = policy.trainStep(train, new LinearPolicyLoss(c, d, context.entropyGamma()));
        return new EstimatorStep(usePg ? baseline : Double.NaN, kept.quantile(), n + m, loss, kept.rows());
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        StateHeader.write(out, NAME);
        out.writeLong(rng.state());
        queue.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        StateHeader.read(in, NAME);
        rng.setState(in.readLong());
        queue.load(in);
    }

    /** Reads {@code epsilon}, {@code pqt_k}, {@code pqt_batch_size}, {@code pqt_weight}, {@code pqt_use_pg}. */
    public static final class Factory implements EstimatorFactory {
        static final Setting<Double> EPSILON = EstimatorParams.epsilon(RiskSeekingEstimator.DEFAULT_EPSILON);
        static final Setting<Integer> K = EstimatorParams.positiveInt("pqt_k", 10)
                .doc("size of the priority queue (best distinct expressions)");
        static final Setting<Integer> BATCH = EstimatorParams.positiveInt("pqt_batch_size", 1)
                .doc("expressions drawn from the queue per step");
        static final Setting<Double> WEIGHT = EstimatorParams.realIn("pqt_weight", 200.0, 0, true,
                Double.POSITIVE_INFINITY, false, "a finite number ≥ 0 (weight of the queue's neglogp term)")
                .doc("weight of the queue's log-likelihood term");
        static final Setting<Boolean> USE_PG = Setting.bool("pqt_use_pg", false).doc("also add the policy-gradient term");

        @Override
        public Settings settings() { return Settings.of(EPSILON, K, BATCH, WEIGHT, USE_PG); }

        @Override
        public GradientEstimator create(EstimatorContext context, Params params) {
            double epsilon = EPSILON.read(params);
            int k = K.read(params);
            int batchSize = BATCH.read(params);
            double weight = WEIGHT.read(params);
            boolean usePg = USE_PG.read(params);
            params.requireAllUsed();
            return new PqtEstimator(context, epsilon, k, batchSize, weight, usePg);
        }

        @Override
        public String description() {
            return "priority queue training: imitate the top-k programs seen so far (optionally plus risk-seeking PG)";
        }
    }
}
