package io.dsr4j.policy.lstm;

import io.dsr4j.policy.RnnLayout;
import io.dsr4j.policy.RnnSpec;

/**
 * The network's tensors as arrays of rows (the shape the kernels vectorise well), convertible to and from the
 * canonical flat {@link RnnLayout} vector. Used both for the weights and for gradient accumulators.
 */
final class Weights {

    final RnnLayout layout;
    /** Per layer: input kernel rows [in_l][G·H], recurrent kernel rows [H][G·H], bias [G·H]. */
    final double[][][] wx;
    final double[][][] wh;
    final double[][] b;
    /** Output kernel rows [H_last][L] and bias [L]. */
    final double[][] wout;
    final double[] bout;
    /** Embedding tables [vocabulary][E] (null when absent). */
    final double[][] embAction;
    final double[][] embParent;
    final double[][] embSibling;

    Weights(RnnLayout layout) {
        this.layout = layout;
        RnnSpec spec = layout.spec();
        int layers = layout.layers();
        wx = new double[layers][][];
        wh = new double[layers][][];
        b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int gh = layout.gates() * layout.units(l);
            wx[l] = new double[layout.inputSize(l)][gh];
            wh[l] = new double[layout.units(l)][gh];
            b[l] = new double[gh];
        }
        int L = layout.library().size();
        wout = new double[spec.outputUnits()][L];
        bout = new double[L];
        int e = spec.embeddingSize();
        embAction = layout.actionEmbeddingOffset() >= 0 ? new double[RnnSpec.actionVocabulary(layout.library())][e] : null;
        embParent = layout.parentEmbeddingOffset() >= 0 ? new double[RnnSpec.parentVocabulary(layout.library())][e] : null;
        embSibling = layout.siblingEmbeddingOffset() >= 0 ? new double[RnnSpec.siblingVocabulary(layout.library())][e] : null;
    }

    /** Copies the canonical flat vector into the rows. */
    void load(double[] flat) {
        for (int l = 0; l < wx.length; l++) {
            loadRows(flat, layout.inputKernelOffset(l), wx[l]);
            loadRows(flat, layout.recurrentKernelOffset(l), wh[l]);
            System.arraycopy(flat, layout.biasOffset(l), b[l], 0, b[l].length);
        }
        loadRows(flat, layout.outputKernelOffset(), wout);
        System.arraycopy(flat, layout.outputBiasOffset(), bout, 0, bout.length);
        if (embAction != null) loadRows(flat, layout.actionEmbeddingOffset(), embAction);
        if (embParent != null) loadRows(flat, layout.parentEmbeddingOffset(), embParent);
        if (embSibling != null) loadRows(flat, layout.siblingEmbeddingOffset(), embSibling);
    }

    /** flat += these tensors, in canonical order. */
    void addTo(double[] flat) {
        for (int l = 0; l < wx.length; l++) {
            addRows(wx[l], flat, layout.inputKernelOffset(l));
            addRows(wh[l], flat, layout.recurrentKernelOffset(l));
            addRow(b[l], flat, layout.biasOffset(l));
        }
        addRows(wout, flat, layout.outputKernelOffset());
        addRow(bout, flat, layout.outputBiasOffset());
        if (embAction != null) addRows(embAction, flat, layout.actionEmbeddingOffset());
        if (embParent != null) addRows(embParent, flat, layout.parentEmbeddingOffset());
        if (embSibling != null) addRows(embSibling, flat, layout.siblingEmbeddingOffset());
    }

    void zero() {
        for (int l = 0; l < wx.length; l++) {
            zeroRows(wx[l]);
            zeroRows(wh[l]);
            java.util.Arrays.fill(b[l], 0);
        }
        zeroRows(wout);
        java.util.Arrays.fill(bout, 0);
        if (embAction != null) zeroRows(embAction);
        if (embParent != null) zeroRows(embParent);
        if (embSibling != null) zeroRows(embSibling);
    }

    private static void loadRows(double[] flat, int off, double[][] rows) {
        for (double[] r : rows) {
            System.arraycopy(flat, off, r, 0, r.length);
            off += r.length;
        }
    }

    private static void addRows(double[][] rows, double[] flat, int off) {
        for (double[] r : rows) {
            addRow(r, flat, off);
            off += r.length;
        }
    }

    private static void addRow(double[] r, double[] flat, int off) {
        for (int j = 0; j < r.length; j++) flat[off + j] += r[j];
    }

    private static void zeroRows(double[][] rows) {
        for (double[] r : rows) java.util.Arrays.fill(r, 0);
    }

    /** t[j][k] = m[k][j]. */
    static void transpose(double[][] m, double[][] t) {
        for (int k = 0; k < m.length; k++) {
            double[] row = m[k];
            for (int j = 0; j < row.length; j++) t[j][k] = row[j];
        }
    }
}
