package io.dsr4j.policy.lstm;

import io.dsr4j.api.token.Library;
import io.dsr4j.policy.RnnLayout;
import io.dsr4j.policy.RnnSpec;

import java.util.Arrays;

/**
 * The recurrent network's arithmetic: one forward step of one layer for one row, the output layer with the optional
 * probability lower bound, and the matching backward steps. Holds the canonical flat parameters {@link #p} (the
 * master copy that the optimiser updates) and their row-array form {@link #w} plus transposed kernels for the
 * backward pass; call {@link #sync()} after {@code p} changed. All per-row state and scratch is passed in, so one
 * instance serves all threads.
 *
 * <p>One-hot inputs are never materialised: their product with the input kernel is a gather of kernel rows.
 */
final class RnnNetwork {

    final RnnLayout layout;
    final RnnSpec spec;
    final Library library;
    final boolean lstm;
    final int gates;
    final int layers;
    final int[] units;
    final int[] inputs;
    final int L;
    final int maxGateWidth;
    final int maxUnits;
    final double lowerBound;
    /** Dense kernels of the forward and backward steps (all bit-identical, see {@link LstmKernels}). */
    final LstmKernels kernels;

    /** Row (within Wx_0) of each input block's first feature, -1 when not observed. */
    final int actionRow;
    final int parentRow;
    final int siblingRow;
    final int danglingRow;
    final int embeddingSize;

    /** Parameters in canonical layout (master copy). */
    final double[] p;
    /** Row form of {@link #p}. */
    final Weights w;
    /** Transposed kernels for the backward pass: WhT_l [G·H][H], WxT_l [G·H][in_l] (when needed), WoutT [L][H]. */
    private final double[][][] whT;
    private final double[][][] wxT;
    private final double[][] woutT;
    /**
     * Layer 0's pre-activations for every (parent, sibling) pair when those are the only one-hot inputs besides the
     * dangling count: {@code (b_0 + Wx_0[parent]) + Wx_0[sibling]}, summed in {@link #inputGates}'s order, so a
     * gather of one row replaces two vector additions per row and step (bit-identical). Null otherwise or when the
     * table would exceed {@link #PAIR_TABLE_BYTES}.
     */
    private final double[][] pairGates;
    private final int siblingVocabulary;
    private static final long PAIR_TABLE_BYTES = 4L << 20;
    RnnNetwork(RnnLayout layout, LstmKernels kernels) {
        this.layout = layout;
        this.kernels = kernels;
        this.spec = layout.spec();
        this.library = layout.library();
        this.lstm = spec.cell() == RnnSpec.Cell.LSTM;
        this.gates = layout.gates();
        this.layers = layout.layers();
        this.units = spec.units();
        this.inputs = new int[layers];
        int mg = 0, mu = 0;
        for (int l = 0; l < layers; l++) {
            inputs[l] = layout.inputSize(l);
            mg = Math.max(mg, gates * units[l]);
            mu = Math.max(mu, units[l]);
        }
        this.maxGateWidth = mg;
        this.maxUnits = mu;
        this.L = library.size();
        this.lowerBound = spec.actionProbLowerBound();
        this.actionRow = spec.actionOffset(library);
        this.parentRow = spec.parentOffset(library);
        this.siblingRow = spec.siblingOffset(library);
        this.danglingRow = spec.danglingOffset(library);
        this.embeddingSize = spec.embeddingSize();
        this.p = new double[layout.size()];
        this.w = new Weights(layout);
        whT = new double[layers][][];
        wxT = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            int gh = gates * units[l];
            whT[l] = new double[gh][units[l]];
            if (l > 0 || spec.embedding()) wxT[l] = new double[gh][inputs[l]];
        }
        woutT = new double[L][spec.outputUnits()];
        siblingVocabulary = RnnSpec.siblingVocabulary(library);
        long pairs = (long) RnnSpec.parentVocabulary(library) * siblingVocabulary;
        boolean table = !spec.embedding() && actionRow < 0 && parentRow >= 0 && siblingRow >= 0
                && pairs * gates * units[0] * Double.BYTES <= PAIR_TABLE_BYTES;
        pairGates = table ? new double[(int) pairs][gates * units[0]] : null;
    }

    /**
     * Refreshes the row form and the transposes from {@link #p}. The transposes (backward pass) hold the true
     * weights; the row form (forward pass) has the columns of the sigmoid gates (LSTM i, f, o; GRU r, z) halved, so
     * that one vectorised tanh pass over all gates yields them via σ(a) = ½ + ½·tanh(a/2) (halving is exact in
     * binary floating point, so this is bit-identical to scaling the pre-activation).
     */
    void sync() {
        w.load(p);
        for (int l = 0; l < layers; l++) {
            Weights.transpose(w.wh[l], whT[l]);
            if (wxT[l] != null) Weights.transpose(w.wx[l], wxT[l]);
        }
        Weights.transpose(w.wout, woutT);
        for (int l = 0; l < layers; l++) {
            int h = units[l];
            halveColumns(w.wx[l], 0, 2 * h);
            halveColumns(w.wh[l], 0, 2 * h);
            halveColumns(w.b[l], 0, 2 * h);
            if (lstm) {
                halveColumns(w.wx[l], 3 * h, 4 * h);
                halveColumns(w.wh[l], 3 * h, 4 * h);
                halveColumns(w.b[l], 3 * h, 4 * h);
            }
        }
        if (pairGates != null) {
            int gh = gates * units[0];
            double[][] wx = w.wx[0];
            for (int pi = 0, row = 0; pi * siblingVocabulary < pairGates.length; pi++) {
                for (int si = 0; si < siblingVocabulary; si++, row++) {
                    double[] g = pairGates[row];
                    System.arraycopy(w.b[0], 0, g, 0, gh);
                    Vec.add(wx[parentRow + pi], g, gh);
                    Vec.add(wx[siblingRow + si], g, gh);
                }
            }
        }
    }

    private static void halveColumns(double[][] rows, int from, int to) {
        for (double[] r : rows) halveColumns(r, from, to);
    }

    private static void halveColumns(double[] r, int from, int to) {
        for (int j = from; j < to; j++) r[j] *= 0.5;
    }

    int actionIndex(int prevAction) { return RnnSpec.actionIndex(library, prevAction); }

    int parentIndex(int parent) { return RnnSpec.parentIndex(library, parent); }

    int siblingIndex(int sibling) { return RnnSpec.siblingIndex(library, sibling); }

    // ------------------------------------------------------------------------------------------------ forward

    /**
     * Layer-0 pre-activations {@code gates = b_0 + x·Wx_0} for one observation (vocabulary indices ai, pi, si and
     * the raw dangling count); one-hot blocks add one kernel row each, embeddings are assembled in {@code x}.
     */
    void inputGates(int ai, int pi, int si, int dangling, double[] g, double[] x) {
        int gh = gates * units[0];
        double[][] wx = w.wx[0];
        if (pairGates != null) {
            System.arraycopy(pairGates[pi * siblingVocabulary + si], 0, g, 0, gh);
        } else if (!spec.embedding()) {
            System.arraycopy(w.b[0], 0, g, 0, gh);
            if (actionRow >= 0) Vec.add(wx[actionRow + ai], g, gh);
            if (parentRow >= 0) Vec.add(wx[parentRow + pi], g, gh);
            if (siblingRow >= 0) Vec.add(wx[siblingRow + si], g, gh);
        } else {
            System.arraycopy(w.b[0], 0, g, 0, gh);
            assembleEmbeddedInput(ai, pi, si, dangling, x);
            kernels.product1(x, inputs[0] - (danglingRow >= 0 ? 1 : 0), wx, g, gh);
        }
        if (danglingRow >= 0) Vec.axpy(dangling, wx[danglingRow], g, gh);
    }

    /**
     * Layer 0's pre-activations for (parent, sibling) as a row of the pair table, when that row is all that
     * {@link #inputGates} would compute (no other input is observed); null otherwise. Read-only: a product can start
     * from it instead of from a copy.
     */
    double[] tableInputGates(int pi, int si) {
        return pairGates != null && danglingRow < 0 ? pairGates[pi * siblingVocabulary + si] : null;
    }

    /** x = [E_action[ai], E_parent[pi], E_sibling[si], dangling] (observed parts only). */
    void assembleEmbeddedInput(int ai, int pi, int si, int dangling, double[] x) {
        int e = embeddingSize;
        if (actionRow >= 0) System.arraycopy(w.embAction[ai], 0, x, actionRow, e);
        if (parentRow >= 0) System.arraycopy(w.embParent[pi], 0, x, parentRow, e);
        if (siblingRow >= 0) System.arraycopy(w.embSibling[si], 0, x, siblingRow, e);
        if (danglingRow >= 0) x[danglingRow] = dangling;
    }

    /** Pre-activations of layer l > 0: {@code gates = b_l + below·Wx_l}. */
    void upperInputGates(int l, double[] below, double[] g) {
        int gh = gates * units[l];
        System.arraycopy(w.b[l], 0, g, 0, gh);
        kernels.product1(below, inputs[l], w.wx[l], g, gh);
    }

    /**
     * Completes layer l from its input pre-activations in {@code g}: adds the recurrent part (unless {@code first},
     * i.e. zero previous state), applies the gate nonlinearities in place ({@code g} ends up holding the activations
     * (i, f, g, o) or (r, z, n)) and writes the new state. {@code hOut}/{@code cOut} may be {@code hPrev}/{@code cPrev}
     * (in-place sampling state).
     *
     * @param aux LSTM: out tanh(c'); GRU: out r⊙h_prev
     */
    void cell(int l, boolean first, double[] g, double[] hPrev, double[] cPrev, double[] hOut, double[] cOut, double[] aux) {
        int h = units[l];
        int gh = gates * h;
        double[][] wh = w.wh[l];
        if (lstm) {
            if (!first) kernels.product1(hPrev, h, wh, g, gh);
            lstmActivations(l, first, g, cPrev, hOut, cOut, aux, kernels);
        } else {
            // TF1 GRUCell: r, z from [x, h]; n from [x, r⊙h]; h' = z⊙h + (1−z)⊙n
            if (!first) Vec.vecMat(hPrev, h, wh, g, 0, 2 * h);
            kernels.tanh(g, 0, 2 * h); // r, z columns hold a/2 (see sync)
            for (int j = 0; j < 2 * h; j++) g[j] = 0.5 + 0.5 * g[j];
            if (first) {
                Arrays.fill(aux, 0, h, 0.0);
            } else {
                for (int j = 0; j < h; j++) aux[j] = g[j] * hPrev[j];
                Vec.vecMat(aux, h, wh, g, 2 * h, 3 * h);
            }
            kernels.tanh(g, 2 * h, h);
            if (first) {
                for (int j = 0; j < h; j++) hOut[j] = (1 - g[h + j]) * g[2 * h + j];
            } else {
                for (int j = 0; j < h; j++) {
                    double z = g[h + j];
                    hOut[j] = z * hPrev[j] + (1 - z) * g[2 * h + j];
                }
            }
        }
    }

    /**
     * LSTM layer l after its products: {@code g} holds all pre-activations (input, recurrent and bias); applies the
     * gate nonlinearities in place and writes the new state ({@code cOut} may be {@code cPrev}).
     */
    void lstmActivations(int l, boolean first, double[] g, double[] cPrev, double[] hOut, double[] cOut, double[] aux,
                         LstmKernels k) {
        int h = units[l];
        k.tanh(g, 0, gates * h); // i, f, o columns hold a/2 (see sync): σ(a) = ½ + ½·tanh(a/2)
        for (int j = 0; j < h; j++) {
            double i = 0.5 + 0.5 * g[j], f = 0.5 + 0.5 * g[h + j];
            g[j] = i;
            g[h + j] = f;
            cOut[j] = first ? i * g[2 * h + j] : f * cPrev[j] + i * g[2 * h + j];
        }
        System.arraycopy(cOut, 0, aux, 0, h);
        k.tanh(aux, 0, h);
        for (int j = 0; j < h; j++) {
            double o = 0.5 + 0.5 * g[3 * h + j];
            g[3 * h + j] = o;
            hOut[j] = o * aux[j];
        }
    }

    /**
     * Network output for one row: {@code y = b_out + h·W_out}; with a lower bound
     * {@code o = log((1−lb)·softmax(y) + lb/L)}, also writing softmax(y) to {@code soft} and the mixture q to
     * {@code mix} (kept for the backward pass).
     */
    void output(double[] hTop, double[] out, double[] soft, double[] mix) {
        System.arraycopy(w.bout, 0, out, 0, L);
        kernels.product1(hTop, spec.outputUnits(), w.wout, out, L);
        outputLowerBound(out, soft, mix);
    }

    /** The lower-bound part of {@link #output} on {@code out = b_out + h·W_out} (nothing without a lower bound). */
    void outputLowerBound(double[] out, double[] soft, double[] mix) {
        if (lowerBound > 0) {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < L; k++) m = Math.max(m, out[k]);
            double sum = 0;
            for (int k = 0; k < L; k++) {
                double e = Math.exp(out[k] - m);
                soft[k] = e;
                sum += e;
            }
            double inv = 1 / sum, a = 1 - lowerBound, b = lowerBound / L;
            for (int k = 0; k < L; k++) {
                double s = soft[k] * inv;
                soft[k] = s;
                double q = a * s + b;
                mix[k] = q;
                out[k] = Math.log(q);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ backward

    /** Back through the output layer: dL/do in {@code dOut} → dense gradients into {@code gw}, dL/dh_top added to {@code dhTop}. */
    void outputBackward(double[] dOut, double[] soft, double[] mix, double[] hTop, Weights gw, double[] dhTop, double[] dy) {
        if (lowerBound > 0) {
            double a = 1 - lowerBound;
            double dot = 0;
            for (int k = 0; k < L; k++) {
                double ds = a * dOut[k] / mix[k];
                dy[k] = ds;
                dot += ds * soft[k];
            }
            for (int k = 0; k < L; k++) dy[k] = soft[k] * (dy[k] - dot);
        } else {
            System.arraycopy(dOut, 0, dy, 0, L);
        }
        Vec.add(dy, gw.bout, L);
        int hl = spec.outputUnits();
        Vec.outer(hTop, hl, dy, gw.wout, L);
        kernels.product1(dy, L, woutT, dhTop, hl);
    }

    /**
     * Back through layer l at one time step. On entry {@code dh} = dL/dh_t (from above and from t+1) and
     * {@code dcCarry} = dL/dc_t from t+1 (LSTM); on exit {@code dhCarry} = dL/dh_{t−1} through the recurrence
     * (not written when {@code first}), {@code dcCarry} = dL/dc_{t−1}, and {@code da} the pre-activation gradient,
     * which the caller passes to the input kernel. Recurrent-kernel and bias gradients go to {@code gw}.
     *
     * @param act  this step's activations (i, f, g, o) / (r, z, n)
     * @param cPrv LSTM: c_{t−1} (unused when {@code first}); GRU: unused
     * @param aux  LSTM: tanh(c_t); GRU: r⊙h_{t−1}
     */
    void cellBackward(int l, boolean first, double[] act, double[] cPrv, double[] aux, double[] hPrev,
                      double[] dh, double[] dcCarry, double[] dhCarry, double[] da, Weights gw) {
        int h = units[l];
        int gh = gates * h;
        if (lstm) {
            for (int j = 0; j < h; j++) {
                double i = act[j], f = act[h + j], gg = act[2 * h + j], o = act[3 * h + j];
                double t = aux[j];
                double d = dh[j];
                double dc = d * o * (1 - t * t) + dcCarry[j];
                double cp = first ? 0 : cPrv[j];
                da[j] = dc * gg * i * (1 - i);
                da[h + j] = dc * cp * f * (1 - f);
                da[2 * h + j] = dc * i * (1 - gg * gg);
                da[3 * h + j] = d * t * o * (1 - o);
                dcCarry[j] = dc * f;
            }
            Vec.add(da, gw.b[l], gh);
            if (!first) {
                Vec.outer(hPrev, h, da, gw.wh[l], gh);
                Arrays.fill(dhCarry, 0, h, 0.0);
                kernels.product1(da, gh, whT[l], dhCarry, h);
            }
        } else {
            for (int j = 0; j < h; j++) {
                double z = act[h + j], n = act[2 * h + j];
                double hp = first ? 0 : hPrev[j];
                double d = dh[j];
                da[h + j] = d * (hp - n) * z * (1 - z);
                da[2 * h + j] = d * (1 - z) * (1 - n * n);
                dhCarry[j] = d * z;
            }
            if (!first) {
                // n's recurrent term uses r⊙h_{t−1}: d(r⊙h) = Wh_n · da_n
                double[] drh = dcCarry; // a GRU has no cell state: the buffer is free scratch
                Arrays.fill(drh, 0, h, 0.0);
                Vec.vecMatRows(da, 2 * h, 3 * h, whT[l], drh, h);
                Vec.outer(aux, h, da, gw.wh[l], 2 * h, 3 * h);
                for (int j = 0; j < h; j++) {
                    double r = act[j];
                    da[j] = drh[j] * hPrev[j] * r * (1 - r);
                    dhCarry[j] += drh[j] * r;
                }
                Vec.vecMatRows(da, 0, 2 * h, whT[l], dhCarry, h);
                Vec.outer(hPrev, h, da, gw.wh[l], 0, 2 * h);
            } else {
                Arrays.fill(da, 0, h, 0.0); // r only acts on the (zero) previous state
            }
            Vec.add(da, gw.b[l], gh);
        }
    }

    /** Input kernel of layer l > 0: accumulates dWx_l and adds dL/d(below) to {@code dBelow}. */
    void upperInputBackward(int l, double[] da, double[] below, Weights gw, double[] dBelow) {
        int gh = gates * units[l];
        Vec.outer(below, inputs[l], da, gw.wx[l], gh);
        kernels.product1(da, gh, wxT[l], dBelow, inputs[l]);
    }

    /** Input kernel of layer 0 (and the embeddings): one-hot rows receive {@code da} directly. */
    void inputBackward(int ai, int pi, int si, int dangling, double[] da, Weights gw, double[] x, double[] dx) {
        int gh = gates * units[0];
        double[][] gx = gw.wx[0];
        if (!spec.embedding()) {
            if (actionRow >= 0) Vec.add(da, gx[actionRow + ai], gh);
            if (parentRow >= 0) Vec.add(da, gx[parentRow + pi], gh);
            if (siblingRow >= 0) Vec.add(da, gx[siblingRow + si], gh);
            if (danglingRow >= 0) Vec.axpy(dangling, da, gx[danglingRow], gh);
            return;
        }
        int in = inputs[0];
        assembleEmbeddedInput(ai, pi, si, dangling, x);
        Vec.outer(x, in, da, gx, gh);
        Arrays.fill(dx, 0, in, 0.0);
        kernels.product1(da, gh, wxT[0], dx, in);
        int e = embeddingSize;
        if (actionRow >= 0) addSlice(dx, actionRow, gw.embAction[ai], e);
        if (parentRow >= 0) addSlice(dx, parentRow, gw.embParent[pi], e);
        if (siblingRow >= 0) addSlice(dx, siblingRow, gw.embSibling[si], e);
    }

    private static void addSlice(double[] src, int from, double[] dst, int n) {
        for (int j = 0; j < n; j++) dst[j] += src[from + j];
    }
}
