package io.dsr4j.policy.lstm;

/**
 * The LSTM's sampling forward pass in float with fused multiply-adds ({@code policy.precision: float32}): a float
 * copy of the network's (sigmoid-halved, see {@link RnnNetwork#sync()}) weights, the per-row state, and one step for
 * a list of active rows as matrix products over those rows ({@link FloatKernels#product}). The logits are handed
 * back in float; the output's lower bound, the prior and the draw stay in double (they cost O(L) per row).
 *
 * <p>Only sampling runs here: scoring and training replay the batch in double ({@link RnnNetwork}), so the
 * behaviour policy that sampled a batch differs from the trained one by float rounding only (logits to ~1e-6).
 * Each row's arithmetic does not depend on which rows share a step or a thread, so batches stay independent of
 * the thread count.
 */
final class FloatSampler {

    private final RnnNetwork net;
    final FloatKernels kernels;
    private final int layers;
    private final int[] units;
    /** Padded widths: gate columns per layer and logits. */
    final int[] gateWidth;
    final int logitWidth;
    /** Layer 0's input kernel as rows (one-hot inputs gather them); upper layers' input kernels row-major flat. */
    private final float[][] wx0;
    private final float[][] wx;
    private final float[][] wh;
    private final float[][] b;
    private final float[] wout;
    private final float[] bout;
    /** As {@link RnnNetwork}'s pair table, in float: {@code (b_0 + Wx_0[parent]) + Wx_0[sibling]}; null when not used. */
    private final float[][] pairGates;
    private final int siblingVocabulary;

    FloatSampler(RnnNetwork net, FloatKernels kernels) {
        if (!net.lstm) throw new IllegalArgumentException("the float32 sampling path is implemented for LSTM cells only");
        this.net = net;
        this.kernels = kernels;
        this.layers = net.layers;
        this.units = net.units;
        gateWidth = new int[layers];
        wx = new float[layers][];
        wh = new float[layers][];
        b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int n = pad(net.gates * units[l]);
            gateWidth[l] = n;
            if (l > 0) wx[l] = new float[net.inputs[l] * n];
            wh[l] = new float[units[l] * n];
            b[l] = new float[n];
        }
        wx0 = new float[net.inputs[0]][gateWidth[0]];
        logitWidth = pad(net.L);
        wout = new float[net.spec.outputUnits() * logitWidth];
        bout = new float[logitWidth];
        siblingVocabulary = io.dsr4j.policy.RnnSpec.siblingVocabulary(net.library);
        long pairs = (long) io.dsr4j.policy.RnnSpec.parentVocabulary(net.library) * siblingVocabulary;
        boolean table = !net.spec.embedding() && net.actionRow < 0 && net.parentRow >= 0 && net.siblingRow >= 0
                && pairs * gateWidth[0] * Float.BYTES <= 4L << 20;
        pairGates = table ? new float[(int) pairs][gateWidth[0]] : null;
    }

    static int pad(int n) { return (n + FloatKernels.PAD - 1) / FloatKernels.PAD * FloatKernels.PAD; }

    int maxGateWidth() {
        int m = 0;
        for (int w : gateWidth) m = Math.max(m, w);
        return m;
    }

    /** Rounds the network's row-form weights to float (call after {@link RnnNetwork#sync()}). */
    void sync() {
        Weights w = net.w;
        for (int k = 0; k < wx0.length; k++) round(w.wx[0][k], wx0[k], 0);
        for (int l = 0; l < layers; l++) {
            int n = gateWidth[l];
            if (l > 0) for (int k = 0; k < w.wx[l].length; k++) round(w.wx[l][k], wx[l], k * n);
            for (int k = 0; k < w.wh[l].length; k++) round(w.wh[l][k], wh[l], k * n);
            round(w.b[l], b[l], 0);
        }
        for (int k = 0; k < w.wout.length; k++) round(w.wout[k], wout, k * logitWidth);
        round(w.bout, bout, 0);
        if (pairGates != null) {
            int n = gateWidth[0];
            for (int pi = 0, row = 0; pi * siblingVocabulary < pairGates.length; pi++) {
                for (int si = 0; si < siblingVocabulary; si++, row++) {
                    float[] g = pairGates[row];
                    System.arraycopy(b[0], 0, g, 0, n);
                    add(wx0[net.parentRow + pi], g, n);
                    add(wx0[net.siblingRow + si], g, n);
                }
            }
        }
    }

    private static void round(double[] src, float[] dst, int off) {
        for (int j = 0; j < src.length; j++) dst[off + j] = (float) src[j];
    }

    /**
     * One step for the rows {@code rows[0..count)}: observations by row index in {@code obs*}, state in
     * {@code h[l][row]}/{@code c[l][row]} (updated in place), logits (padded) into {@code s.logits[i]}.
     */
    void step(int[] rows, int count, boolean first, int[] obsAction, int[] obsParent, int[] obsSibling,
              int[] obsDangling, float[][][] h, float[][][] c, Scratch s, Workspace ws) {
        float[][] g = s.gates, in = s.inputs, start = s.starts;
        // Products start from their first addend where it is stored already (a pair-table row, a bias) instead of
        // from a copy of it: the same chains (FloatKernels.productFrom). At t = 0 there is no recurrent product, so
        // layer 0's gates are gathered into g itself.
        boolean fromTable = !first && pairGates != null && net.danglingRow < 0;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (fromTable) {
                start[i] = pairGates[net.parentIndex(obsParent[r]) * siblingVocabulary + net.siblingIndex(obsSibling[r])];
            } else {
                inputGates(net.actionIndex(obsAction[r]), net.parentIndex(obsParent[r]), net.siblingIndex(obsSibling[r]),
                        obsDangling[r], g[i], ws);
                start[i] = g[i];
            }
        }
        for (int l = 0; l < layers; l++) {
            int n = gateWidth[l], hl = units[l];
            float[][] hh = h[l], cc = c[l];
            if (l > 0) {
                float[][] below = h[l - 1];
                for (int i = 0; i < count; i++) {
                    start[i] = b[l];
                    in[i] = below[rows[i]];
                }
                kernels.productFrom(in, count, net.inputs[l], wx[l], n, start, g);
                for (int i = 0; i < count; i++) start[i] = g[i];
            }
            if (!first) {
                for (int i = 0; i < count; i++) in[i] = hh[rows[i]];
                kernels.productFrom(in, count, hl, wh[l], n, start, g);
            }
            for (int i = 0; i < count; i++) {
                int r = rows[i];
                kernels.lstm(hl, first, g[i], cc[r], hh[r], s.aux);
            }
        }
        float[][] top = h[layers - 1], z = s.logits;
        for (int i = 0; i < count; i++) {
            start[i] = bout;
            in[i] = top[rows[i]];
        }
        kernels.productFrom(in, count, net.spec.outputUnits(), wout, logitWidth, start, z);
    }

    /** Layer 0's pre-activations: bias plus gathered kernel rows (one-hot); embeddings go through the double code. */
    private void inputGates(int ai, int pi, int si, int dangling, float[] g, Workspace ws) {
        int n = gateWidth[0];
        if (net.spec.embedding()) {
            net.inputGates(ai, pi, si, dangling, ws.gates, ws.x);
            int gh = net.gates * units[0];
            for (int j = 0; j < gh; j++) g[j] = (float) ws.gates[j];
            return;
        }
        if (pairGates != null) {
            System.arraycopy(pairGates[pi * siblingVocabulary + si], 0, g, 0, n);
        } else {
            System.arraycopy(b[0], 0, g, 0, n);
            if (net.actionRow >= 0) add(wx0[net.actionRow + ai], g, n);
            if (net.parentRow >= 0) add(wx0[net.parentRow + pi], g, n);
            if (net.siblingRow >= 0) add(wx0[net.siblingRow + si], g, n);
        }
        if (net.danglingRow >= 0) {
            float d = dangling;
            float[] row = wx0[net.danglingRow];
            for (int j = 0; j < n; j++) g[j] = Math.fma(d, row[j], g[j]);
        }
    }

    private static void add(float[] x, float[] out, int n) {
        for (int j = 0; j < n; j++) out[j] += x[j];
    }

    /** One thread's buffers for a slice of up to {@code rows} rows. */
    static final class Scratch {
        float[][] gates = new float[0][];
        float[][] logits = new float[0][];
        float[][] inputs = new float[0][];
        /** Per row, where a product's chains start (a gates row, or a read-only row of the sampler). */
        float[][] starts = new float[0][];
        float[] aux;

        void ensure(FloatSampler fs, int rows) {
            if (aux == null) aux = new float[fs.net.maxUnits];
            if (gates.length >= rows) return;
            gates = new float[rows][fs.maxGateWidth()];
            logits = new float[rows][fs.logitWidth];
            inputs = new float[rows][];
            starts = new float[rows][];
        }
    }
}
