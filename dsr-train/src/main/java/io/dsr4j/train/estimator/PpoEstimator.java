package io.dsr4j.train.estimator;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.estimator.KeptBatch;
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

/**
 * Proximal policy optimisation (estimator type {@code ppo}): filter by ε, compute the baseline and the kept
 * samples' neglogp under the current policy once, then for {@code ppo_n_iters} epochs shuffle the kept samples and
 * take one optimiser step per each of {@code ppo_n_mb} near-equal minibatches on the clipped surrogate
 * ({@link ClippedSurrogateLoss}). Keys: {@code epsilon} (0.05), {@code baseline} (R_e), {@code alpha},
 * {@code b_jumpstart}, {@code ppo_clip_ratio} (0.2, in (0, 1]), {@code ppo_n_iters} (10), {@code ppo_n_mb} (4).
 * The shuffle RNG and the baseline's EWMA are checkpointed.
 */
public final class PpoEstimator implements GradientEstimator {

    public static final String NAME = "ppo";
    static final long RNG_STREAM = 0x5050_4F00L;

    private final EstimatorContext context;
    private final double epsilon;
    private final Baseline baseline;
    private final double clipRatio;
    private final int epochs;
    private final int minibatches;
    private final Rng rng;

    public PpoEstimator(EstimatorContext context, double epsilon, Baseline baseline, double clipRatio, int epochs,
                        int minibatches) {
        if (!(epsilon > 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon " + epsilon + " not in (0, 1]");
        if (epochs < 1 || minibatches < 1) throw new IllegalArgumentException("epochs and minibatches must be ≥ 1");
        this.context = context;
        this.epsilon = epsilon;
        this.baseline = baseline;
        this.clipRatio = clipRatio;
        this.epochs = epochs;
        this.minibatches = minibatches;
        this.rng = new Rng(context.seed()).split(RNG_STREAM);
    }

    public Baseline baseline() { return baseline; }

    /** Reports the mean of the losses of all minibatch steps. */
    @Override
    public EstimatorStep update(Policy policy, TrainingSamples samples) {
        if (samples.size() == 0) return PolicyGradient.nothingTrained();
        KeptBatch kept = KeptBatch.of(samples, epsilon);
        double b = baseline.next(kept.meanReward(), kept.minReward(), kept.clippedQuantile());
        double[] advantages = kept.advantages(b);
        double[] oldNeglogp = policy.score(kept.sequences(), context.entropyGamma()).neglogp();
        int n = kept.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double lossSum = 0;
        int steps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order);
            for (int mb = 0; mb < minibatches; mb++) {
                int from = splitStart(n, minibatches, mb), to = splitStart(n, minibatches, mb + 1);
                if (from == to) continue; // fewer samples than minibatches
                int[] rows = new int[to - from];
                double[] a = new double[rows.length], old = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = order[from + i];
                    a[i] = advantages[rows[i]];
                    old[i] = oldNeglogp[rows[i]];
                }
                SequenceBatch sub = kept.sequences().select(rows);
                lossSum += policy.trainStep(sub, new ClippedSurrogateLoss(a, old, clipRatio,
                        context.entropyWeight(), context.entropyGamma()));
                steps++;
            }
        }
        return new EstimatorStep(b, kept.quantile(), n, lossSum / steps, kept.rows());
    }

    /** Start of part {@code part} when n items are split into k near-equal parts (numpy array_split). */
    static int splitStart(int n, int k, int part) {
        int size = n / k, extra = n % k;
        return part * size + Math.min(part, extra);
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        StateHeader.write(out, NAME);
        out.writeLong(rng.state());
        baseline.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        StateHeader.read(in, NAME);
        rng.setState(in.readLong());
        baseline.load(in);
    }

    /** Reads {@code epsilon}, {@code baseline}, {@code alpha}, {@code b_jumpstart} and the {@code ppo_*} keys. */
    public static final class Factory implements EstimatorFactory {
        static final Setting<Double> EPSILON = EstimatorParams.epsilon(RiskSeekingEstimator.DEFAULT_EPSILON);
        static final Setting<String> BASELINE = EstimatorParams.baselineKind(Baseline.Kind.R_E);
        static final Setting<Double> CLIP = EstimatorParams.realIn("ppo_clip_ratio", 0.2, 0, false, 1, true,
                "the PPO clip range c (ratio clipped to [1-c, 1+c]): greater than 0 and at most 1")
                .doc("clipping range of the probability ratio");
        static final Setting<Integer> EPOCHS = EstimatorParams.positiveInt("ppo_n_iters", 10).doc("epochs over each batch");
        static final Setting<Integer> MINIBATCHES = EstimatorParams.positiveInt("ppo_n_mb", 4).doc("minibatches per epoch");

        @Override
        public Settings settings() {
            return Settings.of(EPSILON, BASELINE, EstimatorParams.ALPHA, EstimatorParams.JUMPSTART, CLIP, EPOCHS, MINIBATCHES);
        }

        @Override
        public GradientEstimator create(EstimatorContext context, Params params) {
            double epsilon = EPSILON.read(params);
            Baseline b = EstimatorParams.baseline(params, BASELINE);
            double clip = CLIP.read(params);
            int epochs = EPOCHS.read(params);
            int minibatches = MINIBATCHES.read(params);
            params.requireAllUsed();
            return new PpoEstimator(context, epsilon, b, clip, epochs, minibatches);
        }

        @Override
        public String description() {
            return "proximal policy optimisation: several clipped-surrogate minibatch steps per batch (experimental)";
        }
    }
}
