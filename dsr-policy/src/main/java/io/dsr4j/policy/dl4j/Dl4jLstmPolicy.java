package io.dsr4j.policy.dl4j;

import io.dsr4j.policy.PolicyOptimizer;

import io.dsr4j.api.policy.Episode;
import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.ParameterizedPolicy;
import io.dsr4j.policy.RnnLayout;
import io.dsr4j.policy.RnnSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Policy {@code dl4j-lstm}: the reference's recurrent policy (§4) on DL4J/ND4J, CPU or CUDA backend.
 *
 * <ul>
 *   <li>Sampling: step by step for the whole batch ({@link LstmStepper}, fused ND4J ops on the network's own
 *       weights; finished rows leave the network batch once half of it has finished); each step's logits come to
 *       the host, where the optional action-probability lower bound is applied, the environment's prior is added
 *       (−∞ = forbidden), and every row draws from its own stream {@code split(row)} of a per-call generator, so
 *       samples do not depend on batching or threads — and equal the {@code lstm} engine's for the same seed and
 *       weights (up to rounding of the logits).</li>
 *   <li>Scoring and training replay the stored observations and priors through DL4J's whole-sequence forward pass
 *       and backprop ({@link Dl4jLstmNetwork}, {@link PolicyGradientLossFunction}), so the training
 *       log-probabilities are those of the constrained sampling distribution.</li>
 *   <li>Master weights are the canonical {@link RnnLayout} vector in double precision; the optimiser
 *       ({@link PolicyOptimizer}) updates it and the network gets a copy in its data type.</li>
 * </ul>
 *
 * <p>Data type: {@code float} by default (as the reference, and ~1.5× faster sampling than double on the CPU
 * backend); {@code double} for gradient checks and cross-engine comparisons. ND4J runs on one thread
 * ({@link Nd4jRuntime}); {@code PolicyContext.threads} is not used.
 */
public final class Dl4jLstmPolicy implements ParameterizedPolicy {

    /**
     * Stream index of sampling under the policy seed (weights use {@link RnnLayout#INIT_STREAM}); the same as the
     * {@code lstm} engine's, so that both engines draw the same samples from the same seed and weights.
     */
    public static final long SAMPLE_STREAM = 0x5A3B_0001L;

    /** Below this many rows, dropping finished rows from the network batch saves less than it costs. */
    private static final int MIN_COMPACTION_ROWS = 64;

    private static final String FORMAT = "dsr4j.dl4j-lstm";
    private static final int FORMAT_VERSION = 1;

    private final SamplingEnvironment environment;
    private final Library library;
    private final RnnLayout layout;
    private final Dl4jLstmNetwork network;
    private final ObservationEncoder encoder;
    private final PolicyOptimizer optimizer;
    private final AdjustedDistribution distribution;
    private final double[] params;
    private final Rng rng;
    private LstmStepper stepper;

    /**
     * @param environment sampling environment (library, priors, maximum length)
     * @param spec        the policy's settings; {@code cell: gru} is rejected by the factory
     * @param dataType    {@link DataType#FLOAT} or {@link DataType#DOUBLE}
     * @param seed        seed of weight initialisation and sampling
     * @param optimizer   optimiser settings
     */
    public Dl4jLstmPolicy(SamplingEnvironment environment, RnnSpec spec, DataType dataType, long seed, OptimizerSpec optimizer) {
        if (spec.cell() != RnnSpec.Cell.LSTM) throw new IllegalArgumentException("dl4j-lstm supports LSTM cells only");
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) throw new IllegalArgumentException("float or double, not " + dataType);
        Nd4jRuntime.init();
        this.environment = environment;
        this.library = environment.library();
        this.layout = new RnnLayout(spec, library);
        this.network = new Dl4jLstmNetwork(layout, dataType);
        this.encoder = new ObservationEncoder(layout);
        this.optimizer = PolicyOptimizer.create(optimizer, layout.size());
        this.distribution = new AdjustedDistribution(library.size(), spec.actionProbLowerBound());
        this.params = layout.initialize(seed);
        this.rng = new Rng(seed).split(SAMPLE_STREAM);
        network.setParameters(params);
    }

    @Override
    public RnnLayout layout() { return layout; }

    /** The ND4J data type the network runs in. */
    public DataType dataType() { return network.dataType(); }

    @Override
    public double[] getParameters() { return params.clone(); }

    @Override
    public void setParameters(double[] parameters) {
        if (parameters.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " parameters, got " + parameters.length);
        }
        System.arraycopy(parameters, 0, params, 0, params.length);
        network.setParameters(params);
    }

    @Override
    public SequenceBatch sample(int n) {
        if (n < 1) throw new IllegalArgumentException("sample size must be positive");
        int L = library.size(), maxLen = environment.maxLength();
        Episode episode = environment.start(n);
        LstmStepper step = stepper(n);
        Rng call = Rng.fromState(rng.nextLong());
        Rng[] rows = new Rng[n];
        for (int r = 0; r < n; r++) rows[r] = call.split(r);
        int[] actions = new int[n * maxLen], parents = new int[n * maxLen], siblings = new int[n * maxLen], danglings = new int[n * maxLen];
        float[] priors = new float[n * maxLen * L];
        float[] prior = new float[n * L];
        int[] chosen = new int[n];
        // rowAt[p]: the episode row at stepper position p; the stepper drops finished rows as they accumulate
        int[] rowAt = new int[n], keep = new int[n];
        for (int p = 0; p < n; p++) rowAt[p] = p;
        int live = n;
        int t = 0;
        for (; t < maxLen && !episode.allFinished(); t++) {
            double[] input = step.input();
            for (int p = 0; p < live; p++) {
                int r = rowAt[p];
                int parent = episode.parent(r), sibling = episode.sibling(r), dangling = episode.dangling(r);
                encoder.encode(episode.lastAction(r), parent, sibling, dangling, params, input, p, live);
                int at = r * maxLen + t;
                parents[at] = parent;
                siblings[at] = sibling;
                danglings[at] = dangling;
            }
            episode.priors(prior);
            step.step();
            double[] logits = step.logits();
            for (int p = 0; p < live; p++) {
                int r = rowAt[p];
                if (episode.finished(r)) continue;
                System.arraycopy(prior, r * L, priors, (r * maxLen + t) * L, L);
                distribution.set(logits, p, live, prior, r * L);
                chosen[r] = distribution.sample(rows[r].nextDouble());
                actions[r * maxLen + t] = chosen[r];
            }
            episode.advance(chosen);
            int unfinished = 0;
            for (int p = 0; p < live; p++) if (!episode.finished(rowAt[p])) keep[unfinished++] = p;
            if (live >= MIN_COMPACTION_ROWS && unfinished <= live / 2 && unfinished > 0) {
                for (int i = 0; i < unfinished; i++) rowAt[i] = rowAt[keep[i]];
                step.retain(keep, unfinished);
                live = unfinished;
            }
        }
        if (!episode.allFinished()) {
            throw new IllegalStateException("sampling environment did not finish its rows within max length " + maxLen);
        }
        int[] lengths = new int[n];
        for (int r = 0; r < n; r++) lengths[r] = episode.length(r);
        SequenceBatch full = new SequenceBatch(n, maxLen, L, actions, lengths, parents, siblings, danglings, priors);
        return t == maxLen ? full : trimmed(full, t);
    }

    private static SequenceBatch trimmed(SequenceBatch b, int width) {
        int n = b.size(), L = b.librarySize(), w0 = b.width();
        int[] a = new int[n * width], p = new int[n * width], s = new int[n * width], d = new int[n * width], len = new int[n];
        float[] pr = new float[n * width * L];
        for (int r = 0; r < n; r++) {
            len[r] = b.length(r);
            for (int t = 0; t < width; t++) {
                a[r * width + t] = b.action(r, t);
                p[r * width + t] = b.parent(r, t);
                s[r * width + t] = b.sibling(r, t);
                d[r * width + t] = b.dangling(r, t);
            }
            System.arraycopy(b.priorArray(), r * w0 * L, pr, r * width * L, width * L);
        }
        return new SequenceBatch(n, width, L, a, len, p, s, d, pr);
    }

    private LstmStepper stepper(int n) {
        if (stepper == null) stepper = network.stepper(n);
        else stepper.reset(n);
        return stepper;
    }

    @Override
    public Scores score(SequenceBatch batch, double entropyGamma) {
        Replay replay = replay(batch, false);
        int B = batch.size(), T = batch.width(), L = library.size();
        double[] out = HostCopy.toDoubles(network.output(replay.features, replay.mask)); // [B, L, T]
        double[] neglogp = new double[B], entropy = new double[B];
        for (int i = 0; i < B; i++) {
            for (int t = 0; t < batch.length(i); t++) {
                distribution.set(out, i * L * T + t, T, batch.priorArray(), batch.priorOffset(i, t));
                neglogp[i] -= distribution.logProb(batch.action(i, t));
                entropy[i] += Math.pow(entropyGamma, t) * distribution.entropy();
            }
        }
        return new Scores(neglogp, entropy);
    }

    @Override
    public double trainStep(SequenceBatch batch, PolicyLoss loss) {
        double[] grad = new double[params.length];
        double value = gradient(batch, loss, grad);
        optimizer.step(params, grad);
        network.setParameters(params);
        return value;
    }

    /**
     * The gradient of {@code loss} with respect to all parameters in canonical order (no update).
     *
     * @param gradient out: {@code layout().size()} values
     * @return the loss value
     */
    public double gradient(SequenceBatch batch, PolicyLoss loss, double[] gradient) {
        if (gradient.length != params.length) throw new IllegalArgumentException("gradient array has the wrong size");
        Replay replay = replay(batch, true);
        PolicyGradientLossFunction lossFn = network.loss();
        lossFn.begin(batch, loss, distribution);
        java.util.Arrays.fill(gradient, 0);
        INDArray inputGradient = network.gradient(replay.features, replay.labels, replay.mask, gradient);
        double value = lossFn.end();
        if (layout.spec().embedding()) {
            double[] dx = HostCopy.toDoubles(inputGradient); // [B, nIn, T]
            int T = batch.width(), width = encoder.width();
            for (int i = 0; i < batch.size(); i++) {
                for (int t = 0; t < batch.length(i); t++) {
                    encoder.accumulateGradient(batch.previousAction(i, t), batch.parent(i, t), batch.sibling(i, t),
                            dx, i * width * T + t, T, gradient);
                }
            }
        }
        return value;
    }

    /** DL4J inputs re-creating a batch: features {@code [B, nIn, T]}, labels {@code [B, 3, T]}, mask {@code [B, T]}. */
    private record Replay(INDArray features, INDArray labels, INDArray mask) { }

    private Replay replay(SequenceBatch batch, boolean withLabels) {
        int B = batch.size(), T = batch.width(), width = encoder.width(), C = PolicyGradientLossFunction.LABEL_CHANNELS;
        double[] features = new double[B * width * T], mask = new double[B * T];
        double[] labels = withLabels ? new double[B * C * T] : null;
        for (int i = 0; i < B; i++) {
            for (int t = 0; t < batch.length(i); t++) {
                encoder.encode(batch.previousAction(i, t), batch.parent(i, t), batch.sibling(i, t), batch.dangling(i, t),
                        params, features, i * width * T + t, T);
                mask[i * T + t] = 1;
                if (labels != null) {
                    labels[(i * C + PolicyGradientLossFunction.LABEL_ACTION) * T + t] = batch.action(i, t);
                    labels[(i * C + PolicyGradientLossFunction.LABEL_SEQUENCE) * T + t] = i;
                    labels[(i * C + PolicyGradientLossFunction.LABEL_STEP) * T + t] = t;
                }
            }
        }
        DataType dt = network.dataType();
        return new Replay(Nd4j.create(features, new long[] {B, width, T}, 'c').castTo(dt),
                labels == null ? null : Nd4j.create(labels, new long[] {B, C, T}, 'c').castTo(dt),
                Nd4j.create(mask, new long[] {B, T}, 'c').castTo(dt));
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(FORMAT);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(params.length);
        for (double v : params) out.writeDouble(v);
        optimizer.save(out);
        out.writeLong(rng.state());
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        String format = in.readUTF();
        int version = in.readInt();
        if (!FORMAT.equals(format) || version != FORMAT_VERSION) {
            throw new IOException("not a dl4j-lstm policy checkpoint (" + format + " v" + version + ")");
        }
        int n = in.readInt();
        if (n != params.length) throw new IOException("checkpoint has " + n + " parameters, this policy " + params.length);
        for (int i = 0; i < n; i++) params[i] = in.readDouble();
        optimizer.load(in);
        rng.setState(in.readLong());
        network.setParameters(params);
    }

    @Override
    public void close() {
        stepper = null;
        network.network().close();
    }

    @Override
    public String toString() {
        return "dl4j-lstm " + layout.spec() + " " + network.dataType().name().toLowerCase();
    }
}
