package io.dsr4j.policy.lstm;

import io.dsr4j.policy.RnnLayout;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.api.token.Library;

/**
 * The recurrent network's arithmetic over the canonical {@link RnnLayout} parameter vector: one forward step of
 * all layers for one row, the output layer with the optional probability lower bound, and the matching backward
 * step. Stateless apart from the parameters and their transposed copies (used to turn the backward products into
 * vectorisable axpys); callers pass all state and scratch, so one instance is shared by all threads.
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

    /** Row (within Wx_0) of each input block's first feature, -1 when not observed. */
    final int actionRow;
    final int parentRow;
    final int siblingRow;
    final int danglingRow;
    final int embeddingSize;

    /** Parameters in canonical layout (owned). */
    final double[] p;

    /** Transposed kernels: WhT_l [G·H × H], WxT_l [G·H × in_l] (l > 0, or l = 0 with embeddings), WoutT [L × H]. */
    private final double[] tr;
    private final int[] whT;
    private final int[] wxT;
    private final int woutT;

    RnnNetwork(RnnLayout layout) {
        this.layout = layout;
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
        whT = new int[layers];
        wxT = new int[layers];
        int off = 0;
        for (int l = 0; l < layers; l++) {
            int gh = gates * units[l];
            whT[l] = off;
            off += gh * units[l];
            if (l > 0 || spec.embedding()) {
                wxT[l] = off;
                off += gh * inputs[l];
            } else {
                wxT[l] = -1;
            }
        }
        woutT = off;
        off += L * spec.outputUnits();
        tr = new double[off];
    }

    /** Recomputes the transposed kernels after the parameters changed (needed by the backward pass only). */
    void refreshTransposes() {
        for (int l = 0; l < layers; l++) {
            int gh = gates * units[l];
            Vec.transpose(p, layout.recurrentKernelOffset(l), units[l], gh, tr, whT[l]);
            if (wxT[l] >= 0) Vec.transpose(p, layout.inputKernelOffset(l), inputs[l], gh, tr, wxT[l]);
        }
        Vec.transpose(p, layout.outputKernelOffset(), spec.outputUnits(), L, tr, woutT);
    }

    // ------------------------------------------------------------------------------------------------ forward

    /** Vocabulary indices of one observation, as the reference's state manager. */
    int actionIndex(int prevAction) { return RnnSpec.actionIndex(library, prevAction); }

    int parentIndex(int parent) { return RnnSpec.parentIndex(library, parent); }

    int siblingIndex(int sibling) { return RnnSpec.siblingIndex(library, sibling); }

    /**
     * Layer-0 pre-activations: {@code gates[go..go+G·H) = b_0 + x·Wx_0} for the observation (vocabulary indices
     * {@code ai, pi, si}, raw {@code dangling}). With embeddings the input vector is assembled in {@code x}.
     */
    void inputGates(int ai, int pi, int si, int dangling, double[] gates, int go, double[] x) {
        int gh = this.gates * units[0];
        int wx = layout.inputKernelOffset(0);
        System.arraycopy(p, layout.biasOffset(0), gates, go, gh);
        if (!spec.embedding()) {
            if (actionRow >= 0) Vec.add(p, wx + (actionRow + ai) * gh, gates, go, gh);
            if (parentRow >= 0) Vec.add(p, wx + (parentRow + pi) * gh, gates, go, gh);
            if (siblingRow >= 0) Vec.add(p, wx + (siblingRow + si) * gh, gates, go, gh);
        } else {
            assembleEmbeddedInput(ai, pi, si, dangling, x);
            Vec.vecMat(x, 0, inputs[0] - (danglingRow >= 0 ? 1 : 0), p, wx, gh, gates, go, gh);
        }
        if (danglingRow >= 0) Vec.axpy(dangling, p, wx + danglingRow * gh, gates, go, gh);
    }

    /** x = [E_action[ai], E_parent[pi], E_sibling[si], dangling] (observed parts only). */
    void assembleEmbeddedInput(int ai, int pi, int si, int dangling, double[] x) {
        int e = embeddingSize;
        if (actionRow >= 0) System.arraycopy(p, layout.actionEmbeddingOffset() + ai * e, x, actionRow, e);
        if (parentRow >= 0) System.arraycopy(p, layout.parentEmbeddingOffset() + pi * e, x, parentRow, e);
        if (siblingRow >= 0) System.arraycopy(p, layout.siblingEmbeddingOffset() + si * e, x, siblingRow, e);
        if (danglingRow >= 0) x[danglingRow] = dangling;
    }

    /** Pre-activations of layer l > 0: {@code gates = b_l + below·Wx_l}. */
    void upperInputGates(int l, double[] below, int bo, double[] gates, int go) {
        int gh = this.gates * units[l];
        System.arraycopy(p, layout.biasOffset(l), gates, go, gh);
        Vec.vecMat(below, bo, inputs[l], p, layout.inputKernelOffset(l), gh, gates, go, gh);
    }

    /**
     * Completes layer l given its input pre-activations in {@code gates[go..)}: adds the recurrent part (unless
     * {@code first}, i.e. zero previous state), applies the gate nonlinearities in place (so {@code gates} ends up
     * holding the activations (i, f, g, o) or (r, z, n)), and writes the new state. {@code hOut} may be the same
     * slot as {@code hPrev} (and {@code cOut} as {@code cPrev}) for in-place sampling state.
     *
     * @param tc LSTM: out tanh(c') (may be scratch); GRU: out r⊙h_prev (may be scratch)
     */
    void cell(int l, boolean first, double[] gates, int go, double[] hPrev, int hpo, double[] cPrev, int cpo,
              double[] hOut, int ho, double[] cOut, int co, double[] tc, int tco) {
        int h = units[l];
        int gh = this.gates * h;
        int wh = layout.recurrentKernelOffset(l);
        if (lstm) {
            if (!first) Vec.vecMat(hPrev, hpo, h, p, wh, gh, gates, go, gh);
            FastActivations.sigmoid(gates, go, 2 * h);
            FastActivations.tanh(gates, go + 2 * h, h);
            FastActivations.sigmoid(gates, go + 3 * h, h);
            int gi = go, gf = go + h, gg = go + 2 * h;
            if (first) {
                for (int j = 0; j < h; j++) cOut[co + j] = gates[gi + j] * gates[gg + j];
            } else {
                for (int j = 0; j < h; j++) cOut[co + j] = gates[gf + j] * cPrev[cpo + j] + gates[gi + j] * gates[gg + j];
            }
            System.arraycopy(cOut, co, tc, tco, h);
            FastActivations.tanh(tc, tco, h);
            int gO = go + 3 * h;
            for (int j = 0; j < h; j++) hOut[ho + j] = gates[gO + j] * tc[tco + j];
        } else {
            // TF1 GRUCell: r, z from [x, h]; n from [x, r⊙h]; h' = z⊙h + (1−z)⊙n
            if (!first) Vec.vecMat(hPrev, hpo, h, p, wh, gh, gates, go, 2 * h);
            FastActivations.sigmoid(gates, go, 2 * h);
            int gz = go + h, gn = go + 2 * h;
            if (first) {
                for (int j = 0; j < h; j++) tc[tco + j] = 0;
            } else {
                for (int j = 0; j < h; j++) tc[tco + j] = gates[go + j] * hPrev[hpo + j];
                Vec.vecMat(tc, tco, h, p, wh + 2 * h, gh, gates, gn, h);
            }
            FastActivations.tanh(gates, gn, h);
            if (first) {
                for (int j = 0; j < h; j++) hOut[ho + j] = (1 - gates[gz + j]) * gates[gn + j];
            } else {
                for (int j = 0; j < h; j++) {
                    double z = gates[gz + j];
                    hOut[ho + j] = z * hPrev[hpo + j] + (1 - z) * gates[gn + j];
                }
            }
        }
    }

    /**
     * Network output for one row: {@code y = b_out + h·W_out}, then with a lower bound
     * {@code o = log((1−lb)·softmax(y) + lb/L)}. Writes o to {@code out}; with a lower bound also softmax(y) to
     * {@code soft} and the mixture q to {@code mix} (for the backward pass; may be scratch).
     */
    void output(double[] hTop, int ho, double[] out, int oo, double[] soft, int so, double[] mix, int mo) {
        System.arraycopy(p, layout.outputBiasOffset(), out, oo, L);
        Vec.vecMat(hTop, ho, spec.outputUnits(), p, layout.outputKernelOffset(), L, out, oo, L);
        if (lowerBound > 0) {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < L; k++) m = Math.max(m, out[oo + k]);
            double sum = 0;
            for (int k = 0; k < L; k++) {
                double e = Math.exp(out[oo + k] - m);
                soft[so + k] = e;
                sum += e;
            }
            double inv = 1 / sum, a = 1 - lowerBound, b = lowerBound / L;
            for (int k = 0; k < L; k++) {
                double s = soft[so + k] * inv;
                soft[so + k] = s;
                double q = a * s + b;
                mix[mo + k] = q;
                out[oo + k] = Math.log(q);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ backward

    /**
     * Back through the output layer: given dL/do in {@code dOut}, accumulates the dense gradients into {@code g} and
     * adds dL/dh_top to {@code dhTop}.
     */
    void outputBackward(double[] dOut, int dOff, double[] soft, int so, double[] mix, int mo, double[] hTop, int ho,
                        double[] g, double[] dhTop, int dho, double[] dy) {
        if (lowerBound > 0) {
            double a = 1 - lowerBound;
            double dot = 0;
            for (int k = 0; k < L; k++) {
                double ds = a * dOut[dOff + k] / mix[mo + k];
                dy[k] = ds;
                dot += ds * soft[so + k];
            }
            for (int k = 0; k < L; k++) dy[k] = soft[so + k] * (dy[k] - dot);
        } else {
            System.arraycopy(dOut, dOff, dy, 0, L);
        }
        Vec.add(dy, 0, g, layout.outputBiasOffset(), L);
        int hl = spec.outputUnits();
        Vec.outer(hTop, ho, hl, dy, 0, L, g, layout.outputKernelOffset(), L);
        Vec.vecMat(dy, 0, L, tr, woutT, hl, dhTop, dho, hl);
    }

    /**
     * Back through layer l at one time step. On entry {@code dh} holds dL/dh_t (from above and from t+1) and
     * {@code dcCarry} dL/dc_t from t+1 (LSTM); on exit {@code dhCarry} holds dL/dh_{t−1} through the recurrence,
     * {@code dcCarry} dL/dc_{t−1}, and {@code da} the pre-activation gradient (for the input kernel, which the
     * caller handles). Uses the activations stored by the forward pass.
     *
     * @param act  activations (i, f, g, o) / (r, z, n) of this step
     * @param cPrv LSTM: c_{t−1} (ignored when {@code first}); GRU: unused
     * @param tc   LSTM: tanh(c_t); GRU: r⊙h_{t−1}
     */
    void cellBackward(int l, boolean first, double[] act, int ao, double[] c, int cpo, double[] tc, int tco,
                      double[] hPrev, int hpo, double[] dh, double[] dcCarry, double[] dhCarry, double[] da,
                      double[] g) {
        int h = units[l];
        int gh = gates * h;
        if (lstm) {
            for (int j = 0; j < h; j++) {
                double i = act[ao + j], f = act[ao + h + j], gg = act[ao + 2 * h + j], o = act[ao + 3 * h + j];
                double t = tc[tco + j];
                double d = dh[j];
                double dc = d * o * (1 - t * t) + dcCarry[j];
                double cp = first ? 0 : c[cpo + j];
                da[j] = dc * gg * i * (1 - i);
                da[h + j] = dc * cp * f * (1 - f);
                da[2 * h + j] = dc * i * (1 - gg * gg);
                da[3 * h + j] = d * t * o * (1 - o);
                dcCarry[j] = dc * f;
            }
            Vec.add(da, 0, g, layout.biasOffset(l), gh);
            if (!first) {
                Vec.outer(hPrev, hpo, h, da, 0, gh, g, layout.recurrentKernelOffset(l), gh);
                java.util.Arrays.fill(dhCarry, 0, h, 0.0);
                Vec.vecMat(da, 0, gh, tr, whT[l], h, dhCarry, 0, h);
            }
        } else {
            for (int j = 0; j < h; j++) {
                double z = act[ao + h + j], n = act[ao + 2 * h + j];
                double hp = first ? 0 : hPrev[hpo + j];
                double d = dh[j];
                da[h + j] = d * (hp - n) * z * (1 - z);
                da[2 * h + j] = d * (1 - z) * (1 - n * n);
                dhCarry[j] = d * z;
            }
            if (!first) {
                // n's recurrent term uses r⊙h_{t−1}: d(rh) = Wh_n · da_n
                double[] drh = dcCarry; // GRU has no cell state: reuse the buffer as scratch
                java.util.Arrays.fill(drh, 0, h, 0.0);
                Vec.vecMat(da, 2 * h, h, tr, whT[l] + 2 * h * h, h, drh, 0, h);
                Vec.outer(tc, tco, h, da, 2 * h, h, g, layout.recurrentKernelOffset(l) + 2 * h, gh);
                for (int j = 0; j < h; j++) {
                    double r = act[ao + j];
                    da[j] = drh[j] * hPrev[hpo + j] * r * (1 - r);
                    dhCarry[j] += drh[j] * r;
                }
                Vec.vecMat(da, 0, 2 * h, tr, whT[l], h, dhCarry, 0, h);
                Vec.outer(hPrev, hpo, h, da, 0, 2 * h, g, layout.recurrentKernelOffset(l), gh);
            } else {
                for (int j = 0; j < h; j++) da[j] = 0; // r only acts on the (zero) previous state
            }
            Vec.add(da, 0, g, layout.biasOffset(l), gh);
        }
    }

    /** Input kernel of layer l > 0: accumulates dWx_l and adds dL/d(below) to {@code dBelow}. */
    void upperInputBackward(int l, double[] da, double[] below, int bo, double[] g, double[] dBelow) {
        int gh = gates * units[l];
        Vec.outer(below, bo, inputs[l], da, 0, gh, g, layout.inputKernelOffset(l), gh);
        Vec.vecMat(da, 0, gh, tr, wxT[l], inputs[l], dBelow, 0, inputs[l]);
    }

    /** Input kernel of layer 0 (and the embeddings): one-hot rows receive {@code da} directly. */
    void inputBackward(int ai, int pi, int si, int dangling, double[] da, double[] g, double[] x, double[] dx) {
        int gh = gates * units[0];
        int wx = layout.inputKernelOffset(0);
        if (!spec.embedding()) {
            if (actionRow >= 0) Vec.add(da, 0, g, wx + (actionRow + ai) * gh, gh);
            if (parentRow >= 0) Vec.add(da, 0, g, wx + (parentRow + pi) * gh, gh);
            if (siblingRow >= 0) Vec.add(da, 0, g, wx + (siblingRow + si) * gh, gh);
            if (danglingRow >= 0) Vec.axpy(dangling, da, 0, g, wx + danglingRow * gh, gh);
            return;
        }
        int in = inputs[0];
        assembleEmbeddedInput(ai, pi, si, dangling, x);
        Vec.outer(x, 0, in, da, 0, gh, g, wx, gh);
        java.util.Arrays.fill(dx, 0, in, 0.0);
        Vec.vecMat(da, 0, gh, tr, wxT[0], in, dx, 0, in);
        int e = embeddingSize;
        if (actionRow >= 0) Vec.add(dx, actionRow, g, layout.actionEmbeddingOffset() + ai * e, e);
        if (parentRow >= 0) Vec.add(dx, parentRow, g, layout.parentEmbeddingOffset() + pi * e, e);
        if (siblingRow >= 0) Vec.add(dx, siblingRow, g, layout.siblingEmbeddingOffset() + si * e, e);
    }
}
