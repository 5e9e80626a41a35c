package io.dsr4j.policy.lstm;

import io.dsr4j.policy.PolicyOptimizer;

import io.dsr4j.api.policy.Episode;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SamplingEnvironment;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.ChunkRunner;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.ParameterizedPolicy;
import io.dsr4j.policy.RnnLayout;
import io.dsr4j.policy.RnnSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The plain-Java recurrent policy (policy type {@code lstm}; LSTM or GRU cells, any depth), in double precision.
 *
 * <p><b>Sampling</b> runs the cells only for rows still active, gathers kernel rows for one-hot inputs instead of
 * multiplying, fuses the gates into one G·H-wide product, adds the environment's joint prior to the logits
 * (−∞ = forbidden, never sampled) and draws each row from its own random stream
 * ({@code Rng(iteration seed).split(row)}), so batches do not depend on the thread count.
 *
 * <p><b>Scoring and training</b> replay the stored observations with the stored priors (no environment), so the
 * log-probabilities are exactly those of the constrained sampling distribution; forbidden tokens contribute exactly
 * 0 to the entropy and its gradient. Gradients are accumulated per fixed row chunk (sized from the batch size only)
 * and summed in chunk order: training is deterministic and independent of the thread count. Buffers are reused
 * across calls; steady-state sampling and training allocate only their results. Not thread-safe: one caller at a
 * time (it parallelises internally over {@code threads}).
 */
public final class JvmLstmPolicy implements ParameterizedPolicy {

    static final long SAMPLE_STREAM = 0x5A3B_0001L;
    private static final int MAGIC = 0x44535250; // "DSRP"
    private static final int VERSION = 1;
    private static final int MIN_SAMPLE_SLICE = 64; // rows: below this a second thread costs more than it saves
    private static final int SLICES_PER_THREAD = 4;
    private static final int MAX_GRADIENT_CHUNKS = 16;
    private static final int MIN_GRADIENT_CHUNK = 8;

    private final SamplingEnvironment env;
    private final Library library;
    private final RnnLayout layout;
    private final RnnNetwork net;
    private final PolicyOptimizer optimizer;
    private final Rng sampleRng;
    private final ChunkRunner runner;
    /** False when the run shares its worker threads with us (the run closes them). */
    private final boolean ownsRunner;
    private final Workspace[] workspaces;
    private final int L;
    private final LstmKernels kernels;
    /** The float32 sampling path; null at float64. */
    private final FloatSampler floatSampler;

    // ---- sampling state (sized n × maxLength, grown on demand) ----
    private int sampleRows;
    private int sampleWidth;
    private double[][][] stateH;
    private double[][][] stateC;
    private float[][][] stateHf;
    private float[][][] stateCf;
    private int sampleRowsTotal;
    private int sampleParts;
    private int[] lengths;
    private int[] obsAction, obsParent, obsSibling, obsDangling;
    private long[] rowRng;
    private int[] recActions, recParents, recSiblings, recDanglings;
    private float[] recPriors;
    private final ChunkRunner.Body sampleBody = this::samplePart;

    // ---- replay state ----
    private final ReplayTape sharedTape;
    private SequenceBatch replayBatch;
    private double[] gammaPowers = new double[0];
    private double[] neglogp = new double[0], entropy = new double[0], gradNeglogp = new double[0], gradEntropy = new double[0];
    private Weights[] chunkGrads = new Weights[0];
    private double[] grad;
    private int chunkSize;
    private int chunkCount;
    private boolean keepTape;
    /** Above this, training re-runs the forward pass per chunk instead of keeping the whole batch's activations. */
    private long tapeBudgetBytes = 64L << 20;
    private final ChunkRunner.Body scoreBody = this::scoreChunk;
    private final ChunkRunner.Body gradientBody = this::gradientChunk;

    /** Arithmetic of the sampling forward pass ({@code policy.precision}); scoring and training are always double. */
    public enum Precision {
        /** Double throughout (the default): sampling computes exactly what scoring computes. */
        FLOAT64("float64"),
        /**
         * Sampling's LSTM and output products in float with FMA ({@link FloatSampler}); the draw, scoring and
         * training stay double, so the sampling distribution differs from the scored one by float rounding.
         */
        FLOAT32("float32");

        private final String yaml;

        Precision(String yaml) { this.yaml = yaml; }

        public String yamlName() { return yaml; }

        public static Precision of(String s) {
            for (Precision p : values()) if (p.yaml.equals(s)) return p;
            throw new IllegalArgumentException("unknown precision '" + s + "'; allowed: float64, float32");
        }
    }

    public JvmLstmPolicy(RnnSpec spec, PolicyContext context) {
        this(spec, context, Precision.FLOAT64);
    }

    public JvmLstmPolicy(RnnSpec spec, PolicyContext context, Precision precision) {
        this(spec, context, LstmKernels.best(), precision == Precision.FLOAT32 ? FloatKernels.best() : null);
    }

    /** With given sampling kernels (tests compare them). */
    JvmLstmPolicy(RnnSpec spec, PolicyContext context, LstmKernels kernels) {
        this(spec, context, kernels, null);
    }

    /** With given kernels; {@code floatKernels} non-null selects the float32 sampling path. */
    JvmLstmPolicy(RnnSpec spec, PolicyContext context, LstmKernels kernels, FloatKernels floatKernels) {
        this.kernels = kernels;
        this.env = context.environment();
        this.library = env.library();
        this.layout = new RnnLayout(spec, library);
        this.net = new RnnNetwork(layout, kernels);
        this.L = library.size();
        this.floatSampler = floatKernels == null ? null : new FloatSampler(net, floatKernels);
        System.arraycopy(layout.initialize(context.seed()), 0, net.p, 0, layout.size());
        sync();
        this.optimizer = PolicyOptimizer.create(context.optimizer(), layout.size());
        this.sampleRng = new Rng(context.seed()).split(SAMPLE_STREAM);
        this.ownsRunner = context.runner() == null;
        this.runner = ownsRunner ? new ChunkRunner(Math.max(1, context.threads())) : context.runner();
        this.workspaces = new Workspace[runner.threads()];
        for (int w = 0; w < workspaces.length; w++) workspaces[w] = new Workspace(net);
        this.sharedTape = new ReplayTape(net);
        this.grad = new double[layout.size()];
    }

    @Override
    public RnnLayout layout() { return layout; }

    public RnnSpec spec() { return layout.spec(); }

    @Override
    public double[] getParameters() { return net.p.clone(); }

    @Override
    public void setParameters(double[] parameters) {
        if (parameters.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + parameters.length);
        }
        System.arraycopy(parameters, 0, net.p, 0, parameters.length);
        sync();
    }

    /** Refreshes the derived weights (row form, transposes, float copy) after {@code net.p} changed. */
    private void sync() {
        net.sync();
        if (floatSampler != null) floatSampler.sync();
    }

    /** The sampling path's precision. */
    public Precision precision() { return floatSampler == null ? Precision.FLOAT64 : Precision.FLOAT32; }

    // ============================================================================================== sampling

    @Override
    public SequenceBatch sample(int n) {
        if (n <= 0) throw new IllegalArgumentException("sample size must be positive: " + n);
        int maxLen = env.maxLength();
        ensureSampling(n, maxLen);
        Rng iteration = Rng.fromState(sampleRng.nextLong());
        for (int r = 0; r < n; r++) rowRng[r] = iteration.split(r).state();
        // Slices of rows, each sampled start to finish in its own episode on whichever thread takes it: no barrier
        // per step, and the environment's work is split too. With threads, a few slices per thread even out the
        // slices' unequal lengths. Rows are independent (own random stream, own state, the same arithmetic in any
        // grouping), so the batch does not depend on the number of slices.
        sampleRowsTotal = n;
        int threads = runner.threads();
        sampleParts = Math.min(threads == 1 ? 1 : threads * SLICES_PER_THREAD, (n + MIN_SAMPLE_SLICE - 1) / MIN_SAMPLE_SLICE);
        runner.run(sampleParts, sampleBody);
        return collect(n, maxLen);
    }

    /** Samples rows [from, to) of the batch in one episode on the calling worker. */
    private void samplePart(int part, int worker) {
        int n = sampleRowsTotal, from = (int) ((long) n * part / sampleParts), to = (int) ((long) n * (part + 1) / sampleParts);
        int m = to - from, maxLen = sampleWidth;
        Workspace ws = workspaces[worker];
        ws.ensureSampling(m, L);
        if (floatSampler != null) ws.floats.ensure(floatSampler, m);
        Episode ep = env.start(m);
        int[] act = ws.active;
        int t = 0;
        while (!ep.allFinished()) {
            if (t >= maxLen) {
                throw new IllegalStateException("sampling environment did not finish its rows within max length " + maxLen);
            }
            // only the unfinished rows (ascending) are visited: late steps of an episode have few
            int[] rows = ep.unfinishedRows();
            int count = ep.unfinishedCount();
            for (int q = 0; q < count; q++) {
                int i = rows[q], r = from + i;
                act[q] = r;
                int rec = r * maxLen + t;
                obsAction[r] = ep.lastAction(i);
                recParents[rec] = obsParent[r] = ep.parent(i);
                recSiblings[rec] = obsSibling[r] = ep.sibling(i);
                recDanglings[rec] = obsDangling[r] = ep.dangling(i);
            }
            ep.unfinishedPriors(ws.priors);
            if (floatSampler != null) {
                sampleFloat(act, count, from, t, ws);
                ep.advance(ws.actions);
                t++;
                continue;
            }
            int i = 0;
            if (net.lstm) {
                for (; i + 3 < count; i += 4) sampleFour(act, i, from, t, ws);
            }
            for (; i < count; i++) sampleOne(act[i], from, t, ws);
            ep.advance(ws.actions);
            t++;
        }
        for (int i = 0; i < m; i++) lengths[from + i] = ep.length(i);
    }

    private void ensureSampling(int n, int maxLen) {
        if (n <= sampleRows && maxLen == sampleWidth) return;
        int rows = Math.max(n, sampleRows);
        sampleRows = rows;
        sampleWidth = maxLen;
        if (floatSampler == null) {
            stateH = new double[net.layers][][];
            stateC = new double[net.layers][][];
            for (int l = 0; l < net.layers; l++) {
                stateH[l] = new double[rows][net.units[l]];
                stateC[l] = new double[rows][net.lstm ? net.units[l] : 0];
            }
        } else {
            stateHf = new float[net.layers][rows][];
            stateCf = new float[net.layers][rows][];
            for (int l = 0; l < net.layers; l++) {
                for (int r = 0; r < rows; r++) {
                    stateHf[l][r] = new float[net.units[l]];
                    stateCf[l][r] = new float[net.units[l]];
                }
            }
        }
        lengths = new int[rows];
        obsAction = new int[rows];
        obsParent = new int[rows];
        obsSibling = new int[rows];
        obsDangling = new int[rows];
        rowRng = new long[rows];
        int cells = rows * maxLen;
        recActions = new int[cells];
        recParents = new int[cells];
        recSiblings = new int[cells];
        recDanglings = new int[cells];
        recPriors = new float[cells * L];
    }

    /** One float32 network step for the active rows {@code active[0..count)}, then one draw per row (in double). */
    private void sampleFloat(int[] active, int count, int from, int t, Workspace ws) {
        FloatSampler.Scratch s = ws.floats;
        floatSampler.step(active, count, t == 0, obsAction, obsParent, obsSibling, obsDangling, stateHf, stateCf, s, ws);
        double[] z = ws.z;
        for (int i = 0; i < count; i++) {
            float[] zi = s.logits[i];
            for (int k = 0; k < L; k++) z[k] = zi[k];
            net.outputLowerBound(z, ws.soft, ws.mix);
            draw(active[i], from, t, z, ws);
        }
    }

    /**
     * Negative log-probabilities of a batch under the distribution the sampling path draws from, the batch's own
     * observations fed in (teacher forcing): with float32 that of the float network, otherwise {@link #score}'s.
     * For cross-checks of the float32 path against the double engines; not used in training.
     */
    public double[] samplingNeglogp(SequenceBatch b) {
        if (floatSampler == null) return score(b, 1.0).neglogp();
        int n = b.size(), w = b.width();
        ensureSampling(n, Math.max(w, env.maxLength()));
        Workspace ws = workspaces[0];
        ws.ensureSampling(n, L);
        ws.floats.ensure(floatSampler, n);
        int[] act = ws.active;
        double[] nlp = new double[n], z = ws.z;
        float[] pri = b.priorArray();
        for (int t = 0; t < w; t++) {
            int count = 0;
            for (int r = 0; r < n; r++) {
                if (b.length(r) <= t) continue;
                act[count++] = r;
                obsAction[r] = b.previousAction(r, t);
                obsParent[r] = b.parent(r, t);
                obsSibling[r] = b.sibling(r, t);
                obsDangling[r] = b.dangling(r, t);
            }
            floatSampler.step(act, count, t == 0, obsAction, obsParent, obsSibling, obsDangling, stateHf, stateCf, ws.floats, ws);
            for (int i = 0; i < count; i++) {
                int r = act[i], po = b.priorOffset(r, t);
                float[] zi = ws.floats.logits[i];
                for (int k = 0; k < L; k++) z[k] = zi[k];
                net.outputLowerBound(z, ws.soft, ws.mix);
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < L; k++) m = Math.max(m, z[k] += pri[po + k]);
                double sum = 0;
                for (int k = 0; k < L; k++) sum += Math.exp(z[k] - m);
                nlp[r] -= z[b.action(r, t)] - m - Math.log(sum);
            }
        }
        return nlp;
    }

    /** One network step and one draw for row r (GRU cells, and the last active rows of a step). */
    private void sampleOne(int r, int from, int t, Workspace ws) {
        RnnNetwork nn = net;
        int top = nn.layers - 1;
        boolean first = t == 0;
        nn.inputGates(nn.actionIndex(obsAction[r]), nn.parentIndex(obsParent[r]), nn.siblingIndex(obsSibling[r]),
                obsDangling[r], ws.gates, ws.x);
        nn.cell(0, first, ws.gates, stateH[0][r], stateC[0][r], stateH[0][r], stateC[0][r], ws.aux);
        for (int l = 1; l <= top; l++) {
            nn.upperInputGates(l, stateH[l - 1][r], ws.gates);
            nn.cell(l, first, ws.gates, stateH[l][r], stateC[l][r], stateH[l][r], stateC[l][r], ws.aux);
        }
        nn.output(stateH[top][r], ws.z, ws.soft, ws.mix);
        draw(r, from, t, ws.z, ws);
    }

    /**
     * One network step and one draw for the active rows {@code active[i..i+3]} (LSTM): per layer, the gathers per
     * row, then the products of all four rows at once through {@link LstmKernels} (each weight row loaded once for
     * four rows). Each row's arithmetic is the same as one row at a time, so grouping never changes a result. The
     * products start from their first addend (the pair table's layer-0 row, a bias) where it is stored already,
     * instead of from a copy of it ({@link LstmKernels#product4From}: the same sums).
     */
    private void sampleFour(int[] active, int i, int from, int t, Workspace ws) {
        RnnNetwork nn = net;
        LstmKernels k = kernels;
        int top = nn.layers - 1;
        boolean first = t == 0;
        int r0 = active[i], r1 = active[i + 1], r2 = active[i + 2], r3 = active[i + 3];
        double[][] g = ws.gates4, start = ws.start4;
        for (int q = 0; q < 4; q++) {
            int r = active[i + q];
            // at t = 0 there is no recurrent product: the activations need the gates in g itself
            double[] row = first ? null : nn.tableInputGates(nn.parentIndex(obsParent[r]), nn.siblingIndex(obsSibling[r]));
            if (row == null) {
                nn.inputGates(nn.actionIndex(obsAction[r]), nn.parentIndex(obsParent[r]), nn.siblingIndex(obsSibling[r]),
                        obsDangling[r], g[q], ws.x);
                row = g[q];
            }
            start[q] = row;
        }
        for (int l = 0; l <= top; l++) {
            int gh = nn.gates * nn.units[l];
            double[][] h = stateH[l], c = stateC[l];
            if (l > 0) {
                double[][] below = stateH[l - 1];
                double[] b = nn.w.b[l];
                k.product4From(below[r0], below[r1], below[r2], below[r3], nn.inputs[l], nn.w.wx[l], b, b, b, b,
                        g[0], g[1], g[2], g[3], gh);
                for (int q = 0; q < 4; q++) start[q] = g[q];
            }
            if (!first) {
                k.product4From(h[r0], h[r1], h[r2], h[r3], nn.units[l], nn.w.wh[l], start[0], start[1], start[2], start[3],
                        g[0], g[1], g[2], g[3], gh);
            }
            for (int q = 0; q < 4; q++) {
                int r = active[i + q];
                nn.lstmActivations(l, first, g[q], c[r], h[r], c[r], ws.aux, k);
            }
        }
        double[][] z = ws.z4, hTop = stateH[top];
        double[] bout = nn.w.bout;
        k.product4From(hTop[r0], hTop[r1], hTop[r2], hTop[r3], nn.spec.outputUnits(), nn.w.wout, bout, bout, bout, bout,
                z[0], z[1], z[2], z[3], L);
        for (int q = 0; q < 4; q++) {
            nn.outputLowerBound(z[q], ws.soft, ws.mix);
            draw(active[i + q], from, t, z[q], ws);
        }
    }

    /**
     * Adds row r's prior to its logits {@code z} (overwritten) and draws its next token from its own stream; the
     * row's prior and action live in the part's buffers at {@code r − from}.
     */
    private void draw(int r, int from, int t, double[] z, Workspace ws) {
        int width = sampleWidth;
        float[] stepPriors = ws.priors;
        int po = (r - from) * L, rp = (r * width + t) * L;
        float[] rec = recPriors;
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < L; k++) {
            float p = stepPriors[po + k];
            rec[rp + k] = p; // the batch keeps the prior for scoring and training
            double v = z[k] + p;
            z[k] = v;
            if (v > m) m = v;
        }
        if (m == Double.NEGATIVE_INFINITY || Double.isNaN(m)) {
            throw new IllegalStateException("no token can be sampled at row " + r + ", position " + t
                    + (Double.isNaN(m) ? " (policy output is NaN)" : " (every token forbidden)"));
        }
        double sum = 0;
        for (int k = 0; k < L; k++) {
            double v = z[k];
            // forbidden tokens (−∞) get no mass: exactly exp(−∞) = 0, without the call
            double e = v == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(v - m);
            z[k] = e;
            sum += e;
        }
        Rng rng = ws.rng;
        rng.setState(rowRng[r]);
        double target = rng.nextDouble() * sum;
        rowRng[r] = rng.state();
        int a = -1;
        double cum = 0;
        for (int k = 0; k < L; k++) {
            double e = z[k];
            if (e == 0) continue;
            cum += e;
            a = k;
            if (target < cum) break;
        }
        ws.actions[r - from] = a;
        recActions[r * width + t] = a;
    }

    private SequenceBatch collect(int n, int maxLen) {
        int w = 1;
        int[] lengths = Arrays.copyOf(this.lengths, n);
        for (int r = 0; r < n; r++) w = Math.max(w, lengths[r]);
        int[] a = new int[n * w], p = new int[n * w], s = new int[n * w], d = new int[n * w];
        float[] pr = new float[n * w * L];
        for (int r = 0; r < n; r++) {
            int len = lengths[r], src = r * maxLen, dst = r * w;
            System.arraycopy(recActions, src, a, dst, len);
            System.arraycopy(recParents, src, p, dst, len);
            System.arraycopy(recSiblings, src, s, dst, len);
            System.arraycopy(recDanglings, src, d, dst, len);
            System.arraycopy(recPriors, src * L, pr, dst * L, len * L);
        }
        return new SequenceBatch(n, w, L, a, lengths, p, s, d, pr);
    }

    // ============================================================================================== replay

    @Override
    public Scores score(SequenceBatch batch, double entropyGamma) {
        prepareReplay(batch, entropyGamma, false);
        runner.run(chunkCount, scoreBody);
        int n = batch.size();
        return new Scores(Arrays.copyOf(neglogp, n), Arrays.copyOf(entropy, n));
    }

    @Override
    public double trainStep(SequenceBatch batch, PolicyLoss loss) {
        double value = computeGradient(batch, loss, grad);
        optimizer.step(net.p, grad);
        sync();
        return value;
    }

    /**
     * The gradient of {@code loss} over {@code batch} with respect to {@link #getParameters()} (written to
     * {@code out}, canonical layout), without an optimiser step; returns the loss value. Used by
     * {@link #trainStep} and by gradient checks.
     */
    public double computeGradient(SequenceBatch batch, PolicyLoss loss, double[] out) {
        if (out.length != layout.size()) throw new IllegalArgumentException("gradient array has the wrong size");
        int n = batch.size();
        prepareReplay(batch, loss.entropyGamma(), true);
        runner.run(chunkCount, scoreBody);
        double[] nl = buffer(gradNeglogp, n), en = buffer(gradEntropy, n);
        gradNeglogp = nl;
        gradEntropy = en;
        double[] negs = neglogp.length == n ? neglogp : Arrays.copyOf(neglogp, n);
        double[] ents = entropy.length == n ? entropy : Arrays.copyOf(entropy, n);
        Arrays.fill(nl, 0);
        Arrays.fill(en, 0);
        double value = loss.evaluate(negs, ents, nl, en);
        runner.run(chunkCount, gradientBody);
        Arrays.fill(out, 0);
        for (int c = 0; c < chunkCount; c++) chunkGrads[c].addTo(out);
        replayBatch = null;
        return value;
    }

    /** For tests: forces (0) or allows the low-memory training path. */
    void setTapeBudgetBytes(long bytes) {
        tapeBudgetBytes = bytes;
    }

    private static double[] buffer(double[] cur, int n) {
        return cur.length == n ? cur : new double[n];
    }

    private void prepareReplay(SequenceBatch batch, double gamma, boolean training) {
        if (batch.librarySize() != L) {
            throw new IllegalArgumentException("batch library size " + batch.librarySize() + " != policy library size " + L);
        }
        int n = batch.size(), w = batch.width();
        replayBatch = batch;
        neglogp = buffer(neglogp, n);
        entropy = buffer(entropy, n);
        if (gammaPowers.length < w) gammaPowers = new double[w];
        double g = 1;
        for (int t = 0; t < w; t++) {
            gammaPowers[t] = g;
            g *= gamma;
        }
        // Chunking depends on the batch size only, so gradient sums never depend on the thread count.
        chunkSize = Math.max(MIN_GRADIENT_CHUNK, (n + MAX_GRADIENT_CHUNKS - 1) / MAX_GRADIENT_CHUNKS);
        chunkCount = (n + chunkSize - 1) / chunkSize;
        keepTape = training && (long) n * w * ReplayTape.bytesPerPair(net) <= tapeBudgetBytes;
        if (keepTape) sharedTape.ensure(n * w);
        if (training) {
            if (chunkGrads.length < chunkCount) {
                Weights[] g2 = Arrays.copyOf(chunkGrads, chunkCount);
                for (int c = chunkGrads.length; c < chunkCount; c++) g2[c] = new Weights(layout);
                chunkGrads = g2;
            }
        }
    }

    /** Forward pass of chunk rows: neglogp and entropy (and the tape when it is kept for the backward pass). */
    private void scoreChunk(int chunk, int worker) {
        Workspace ws = workspaces[worker];
        SequenceBatch b = replayBatch;
        int from = chunk * chunkSize, to = Math.min(b.size(), from + chunkSize);
        int r = from;
        if (keepTape && net.lstm) {
            for (; r + 3 < to; r += 4) forwardFour(b, r, ws);
        }
        for (; r < to; r++) {
            if (keepTape) forwardRow(b, r, sharedTape, r, ws);
            else {
                ws.tape.ensure(b.width());
                forwardRow(b, r, ws.tape, 0, ws);
            }
        }
    }

    /** Backward pass of chunk rows into the chunk's own gradient buffer (re-running the forward if needed). */
    private void gradientChunk(int chunk, int worker) {
        Workspace ws = workspaces[worker];
        SequenceBatch b = replayBatch;
        Weights g = chunkGrads[chunk];
        g.zero();
        int from = chunk * chunkSize, to = Math.min(b.size(), from + chunkSize);
        for (int r = from; r < to; r++) {
            if (gradNeglogp[r] == 0 && gradEntropy[r] == 0) continue;
            if (keepTape) {
                backwardRow(b, r, sharedTape, r, ws, g);
            } else {
                ws.tape.ensure(b.width());
                forwardRow(b, r, ws.tape, 0, ws);
                backwardRow(b, r, ws.tape, 0, ws, g);
            }
        }
    }

    /**
     * Replays rows r..r+3 (LSTM, on the shared tape): while all four are active the products of the four rows run at
     * once through {@link LstmKernels#product4} (each weight row loaded once for four rows); each row then finishes
     * alone. Every row's arithmetic is {@link #forwardRow}'s, so results are the same bit for bit.
     */
    private void forwardFour(SequenceBatch b, int r, Workspace ws) {
        RnnNetwork nn = net;
        LstmKernels k = kernels;
        ReplayTape tp = sharedTape;
        int w = b.width(), top = nn.layers - 1;
        int common = Math.min(Math.min(b.length(r), b.length(r + 1)), Math.min(b.length(r + 2), b.length(r + 3)));
        int[] pair = ws.pair4, prev = ws.prev4;
        double[][] z = ws.z4;
        for (int q = 0; q < 4; q++) {
            neglogp[r + q] = 0;
            entropy[r + q] = 0;
        }
        for (int t = 0; t < common; t++) {
            boolean first = t == 0;
            for (int q = 0; q < 4; q++) {
                int row = r + q;
                pair[q] = row * w + t;
                prev[q] = first ? pair[q] : pair[q] - 1;
                nn.inputGates(nn.actionIndex(b.previousAction(row, t)), nn.parentIndex(b.parent(row, t)),
                        nn.siblingIndex(b.sibling(row, t)), b.dangling(row, t), tp.act[0][pair[q]], ws.x);
            }
            for (int l = 0; l <= top; l++) {
                int gh = nn.gates * nn.units[l];
                double[][] act = tp.act[l], h = tp.h[l], c = tp.c[l];
                if (l > 0) {
                    double[][] below = tp.h[l - 1];
                    for (int q = 0; q < 4; q++) System.arraycopy(nn.w.b[l], 0, act[pair[q]], 0, gh);
                    k.product4(below[pair[0]], below[pair[1]], below[pair[2]], below[pair[3]], nn.inputs[l], nn.w.wx[l],
                            act[pair[0]], act[pair[1]], act[pair[2]], act[pair[3]], gh);
                }
                if (!first) {
                    k.product4(h[prev[0]], h[prev[1]], h[prev[2]], h[prev[3]], nn.units[l], nn.w.wh[l],
                            act[pair[0]], act[pair[1]], act[pair[2]], act[pair[3]], gh);
                }
                for (int q = 0; q < 4; q++) {
                    nn.lstmActivations(l, first, act[pair[q]], c[prev[q]], h[pair[q]], c[pair[q]], tp.aux[l][pair[q]], k);
                }
            }
            double[][] hTop = tp.h[top];
            for (int q = 0; q < 4; q++) System.arraycopy(nn.w.bout, 0, z[q], 0, L);
            k.product4(hTop[pair[0]], hTop[pair[1]], hTop[pair[2]], hTop[pair[3]], nn.spec.outputUnits(), nn.w.wout,
                    z[0], z[1], z[2], z[3], L);
            for (int q = 0; q < 4; q++) {
                nn.outputLowerBound(z[q], tp.soft[pair[q]], tp.mix[pair[q]]);
                logProbabilities(b, r + q, t, tp, pair[q], z[q]);
            }
        }
        for (int q = 0; q < 4; q++) forwardSteps(b, r + q, tp, r + q, ws, common);
    }

    /** Replays row r, storing activations at tape rows {@code lr}; sets neglogp[r] and entropy[r]. */
    private void forwardRow(SequenceBatch b, int r, ReplayTape tp, int lr, Workspace ws) {
        neglogp[r] = 0;
        entropy[r] = 0;
        forwardSteps(b, r, tp, lr, ws, 0);
    }

    /** Replays row r from step {@code t0} on (earlier steps already on the tape), accumulating into neglogp[r], entropy[r]. */
    private void forwardSteps(SequenceBatch b, int r, ReplayTape tp, int lr, Workspace ws, int t0) {
        RnnNetwork nn = net;
        int len = b.length(r), w = b.width(), top = nn.layers - 1;
        double[] z = ws.z;
        for (int t = t0; t < len; t++) {
            int pair = lr * w + t;
            int prev = t == 0 ? pair : pair - 1; // not read at t = 0 (zero state)
            boolean first = t == 0;
            nn.inputGates(nn.actionIndex(b.previousAction(r, t)), nn.parentIndex(b.parent(r, t)),
                    nn.siblingIndex(b.sibling(r, t)), b.dangling(r, t), tp.act[0][pair], ws.x);
            nn.cell(0, first, tp.act[0][pair], tp.h[0][prev], tp.c[0][prev], tp.h[0][pair], tp.c[0][pair], tp.aux[0][pair]);
            for (int l = 1; l <= top; l++) {
                nn.upperInputGates(l, tp.h[l - 1][pair], tp.act[l][pair]);
                nn.cell(l, first, tp.act[l][pair], tp.h[l][prev], tp.c[l][prev], tp.h[l][pair], tp.c[l][pair], tp.aux[l][pair]);
            }
            nn.output(tp.h[top][pair], z, tp.soft[pair], tp.mix[pair]);
            logProbabilities(b, r, t, tp, pair, z);
        }
    }

    /**
     * Row r at step t from its output {@code z} (overwritten): adds the stored prior, writes log p, p and the entropy
     * to the tape and accumulates −log p(action) into neglogp[r] and γ^t·H into entropy[r].
     */
    private void logProbabilities(SequenceBatch b, int r, int t, ReplayTape tp, int pair, double[] z) {
        float[] pri = b.priorArray();
        int po = b.priorOffset(r, t);
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < L; k++) {
            double v = z[k] + pri[po + k];
            z[k] = v;
            if (v > m) m = v;
        }
        if (m == Double.NEGATIVE_INFINITY || Double.isNaN(m)) {
            throw new IllegalArgumentException("row " + r + ", position " + t + ": "
                    + (Double.isNaN(m) ? "policy output is NaN" : "every token is forbidden by the stored prior"));
        }
        double sum = 0;
        for (int k = 0; k < L; k++) {
            double v = z[k];
            if (v != Double.NEGATIVE_INFINITY) sum += Math.exp(v - m); // exp(−∞) = 0 adds nothing
        }
        double lse = m + Math.log(sum);
        double[] lp = tp.logp[pair], pp = tp.prob[pair];
        double h = 0;
        for (int k = 0; k < L; k++) {
            double v = z[k] - lse;
            double pk = v == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(v);
            lp[k] = v;
            pp[k] = pk;
            if (pk > 0) h -= pk * v; // forbidden tokens (p = 0, log p = −∞) contribute exactly 0
        }
        tp.entropy[pair] = h;
        neglogp[r] -= lp[b.action(r, t)];
        entropy[r] += gammaPowers[t] * h;
    }

    /** Back-propagates row r's loss weights through time into {@code g}. */
    private void backwardRow(SequenceBatch b, int r, ReplayTape tp, int lr, Workspace ws, Weights g) {
        RnnNetwork nn = net;
        int len = b.length(r), w = b.width(), top = nn.layers - 1;
        double gN = gradNeglogp[r], gE = gradEntropy[r];
        for (int l = 0; l <= top; l++) {
            Arrays.fill(ws.dhCarry[l], 0);
            Arrays.fill(ws.dcCarry[l], 0);
        }
        double[] dz = ws.dz;
        for (int t = len - 1; t >= 0; t--) {
            int pair = lr * w + t;
            int prev = t == 0 ? pair : pair - 1;
            boolean first = t == 0;
            double wE = gE * gammaPowers[t], ht = tp.entropy[pair];
            double[] pp = tp.prob[pair], lp = tp.logp[pair];
            // d/dz of gN·(−log p_a) + gE·γ^t·H with H = −Σ p log p: p_k(gN − wE(log p_k + H)) − gN·[k = a]
            for (int k = 0; k < L; k++) {
                double pk = pp[k];
                dz[k] = pk == 0 ? 0 : pk * (gN - wE * (lp[k] + ht));
            }
            dz[b.action(r, t)] -= gN;
            System.arraycopy(ws.dhCarry[top], 0, ws.dh[top], 0, nn.units[top]);
            nn.outputBackward(dz, tp.soft[pair], tp.mix[pair], tp.h[top][pair], g, ws.dh[top], ws.dy);
            for (int l = top; l >= 0; l--) {
                nn.cellBackward(l, first, tp.act[l][pair], tp.c[l][prev], tp.aux[l][pair], tp.h[l][prev],
                        ws.dh[l], ws.dcCarry[l], ws.dhCarry[l], ws.da, g);
                if (l > 0) {
                    System.arraycopy(ws.dhCarry[l - 1], 0, ws.dh[l - 1], 0, nn.units[l - 1]);
                    nn.upperInputBackward(l, ws.da, tp.h[l - 1][pair], g, ws.dh[l - 1]);
                } else {
                    nn.inputBackward(nn.actionIndex(b.previousAction(r, t)), nn.parentIndex(b.parent(r, t)),
                            nn.siblingIndex(b.sibling(r, t)), b.dangling(r, t), ws.da, g, ws.x, ws.dx);
                }
            }
        }
    }

    // ============================================================================================== checkpoints

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(describe());
        out.writeInt(layout.size());
        for (double v : net.p) out.writeDouble(v);
        out.writeUTF(optimizer.name());
        optimizer.save(out);
        out.writeLong(sampleRng.state());
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) throw new IOException("not an lstm policy checkpoint");
        int version = in.readInt();
        if (version != VERSION) throw new IOException("unsupported lstm policy checkpoint version " + version);
        String what = in.readUTF();
        if (!what.equals(describe())) {
            throw new IOException("checkpoint was written for a different policy: " + what + "; this one is " + describe());
        }
        int size = in.readInt();
        if (size != layout.size()) throw new IOException("checkpoint has " + size + " parameters, expected " + layout.size());
        double[] p = new double[size];
        for (int i = 0; i < size; i++) p[i] = in.readDouble();
        String opt = in.readUTF();
        if (!opt.equals(optimizer.name())) {
            throw new IOException("checkpoint optimizer is " + opt + " but this policy uses " + optimizer.name());
        }
        optimizer.load(in);
        long rngState = in.readLong();
        System.arraycopy(p, 0, net.p, 0, size);
        sync();
        sampleRng.setState(rngState);
    }

    private String describe() {
        return layout.spec() + " " + library.names();
    }

    @Override
    public void close() {
        if (ownsRunner) runner.close();
    }

    @Override
    public String toString() {
        return "JvmLstmPolicy" + describe();
    }
}
