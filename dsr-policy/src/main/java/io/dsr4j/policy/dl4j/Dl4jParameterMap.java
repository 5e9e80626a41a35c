package io.dsr4j.policy.dl4j;

import io.dsr4j.policy.RnnLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;

/**
 * Index map between the canonical {@link RnnLayout} (row-major, LSTM gates i, f, g, o) and the flat parameter vector
 * of the DL4J network (established by probing DL4J 1.0.0-M2.1 and checked by the engine tests):
 * <ul>
 *   <li>per LSTM layer {@code l}: {@code l_W [nIn × 4H]}, {@code l_RW [H × 4H]}, {@code l_b [4H]}, matrices in
 *       column-major ('f') order;</li>
 *   <li>DL4J's gate blocks are (g, f, o, i): block 0 is the tanh "block input" (canonical g), then the sigmoid
 *       forget, output and input gates. {@code forgetGateBiasInit} writes block 1, the effective forget bias;</li>
 *   <li>output layer {@code n_W [H × L]} ('f' order), {@code n_b [L]}.</li>
 * </ul>
 * Embedding tables are not in the network; they follow the network part in the canonical vector.
 */
final class Dl4jParameterMap {

    /** DL4J gate block of canonical gate i, f, g, o. */
    private static final int[] DL4J_BLOCK = {3, 1, 0, 2};

    /** {@code dl4j[c]}: DL4J flat index of canonical index c, for c in [0, networkSize). */
    private final int[] dl4j;

    Dl4jParameterMap(RnnLayout layout) {
        if (layout.gates() != 4) throw new IllegalArgumentException("DL4J engine maps LSTM layers only");
        int networkSize = layout.outputBiasOffset() + layout.library().size();
        dl4j = new int[networkSize];
        int d = 0;
        for (int l = 0; l < layout.layers(); l++) {
            int in = layout.inputSize(l), h = layout.units(l);
            d = mapGateMatrix(layout.inputKernelOffset(l), in, h, d);
            d = mapGateMatrix(layout.recurrentKernelOffset(l), h, h, d);
            for (int c = 0; c < 4 * h; c++) dl4j[layout.biasOffset(l) + c] = d + dl4jColumn(c, h);
            d += 4 * h;
        }
        int hl = layout.spec().outputUnits(), L = layout.library().size();
        for (int r = 0; r < hl; r++) {
            for (int c = 0; c < L; c++) dl4j[layout.outputKernelOffset() + r * L + c] = d + r + hl * c;
        }
        d += hl * L;
        for (int c = 0; c < L; c++) dl4j[layout.outputBiasOffset() + c] = d + c;
        d += L;
        if (d != networkSize) throw new IllegalStateException("parameter map covers " + d + " of " + networkSize);
    }

    /** Row-major canonical [rows × 4H] to column-major DL4J [rows × 4H] with gate blocks permuted. */
    private int mapGateMatrix(int canonicalOff, int rows, int h, int d) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 4 * h; c++) dl4j[canonicalOff + r * 4 * h + c] = d + r + rows * dl4jColumn(c, h);
        }
        return d + rows * 4 * h;
    }

    private static int dl4jColumn(int canonicalColumn, int h) {
        return DL4J_BLOCK[canonicalColumn / h] * h + canonicalColumn % h;
    }

    /** Number of canonical parameters that live in the network (the rest are embeddings). */
    int networkSize() { return dl4j.length; }

    /** DL4J flat index of canonical index {@code c}. */
    int dl4jIndex(int c) { return dl4j[c]; }

    /** {@code dl4jFlat[map(c)] = canonical[c]} for the network part. */
    void toDl4j(double[] canonical, double[] dl4jFlat) {
        for (int c = 0; c < dl4j.length; c++) dl4jFlat[dl4j[c]] = canonical[c];
    }

    /** {@code canonical[c] = dl4jFlat[map(c)]} for the network part. */
    void toCanonical(double[] dl4jFlat, double[] canonical) {
        for (int c = 0; c < dl4j.length; c++) canonical[c] = dl4jFlat[dl4j[c]];
    }

    /** Fails fast if DL4J's parameter views are not where this map puts them (guards a DL4J upgrade). */
    void verifyAgainst(MultiLayerNetwork net, RnnLayout layout) {
        long base = net.params().offset();
        long expected = 0;
        for (int l = 0; l < layout.layers(); l++) {
            int in = layout.inputSize(l), h = layout.units(l);
            expect(net, l + "_" + LSTMParamInitializer.INPUT_WEIGHT_KEY, base + expected, 'f', in, 4L * h);
            expected += (long) in * 4 * h;
            expect(net, l + "_" + LSTMParamInitializer.RECURRENT_WEIGHT_KEY, base + expected, 'f', h, 4L * h);
            expected += (long) h * 4 * h;
            expect(net, l + "_" + LSTMParamInitializer.BIAS_KEY, base + expected, 'f', 4L * h);
            expected += 4L * h;
        }
        int n = layout.layers();
        int hl = layout.spec().outputUnits(), L = layout.library().size();
        expect(net, n + "_" + DefaultParamInitializer.WEIGHT_KEY, base + expected, 'f', hl, L);
        expected += (long) hl * L;
        expect(net, n + "_" + DefaultParamInitializer.BIAS_KEY, base + expected, 'f', L);
        expected += L;
        if (expected != net.numParams()) throw new IllegalStateException("DL4J network has " + net.numParams() + " parameters, map expects " + expected);
    }

    private static void expect(MultiLayerNetwork net, String key, long offset, char order, long... shape) {
        var p = net.getParam(key);
        boolean shapeOk = shape.length == 1 ? p.length() == shape[0] : java.util.Arrays.equals(p.shape(), shape) && p.ordering() == order;
        if (!shapeOk || p.offset() != offset) {
            throw new IllegalStateException("unexpected DL4J parameter layout for " + key + ": shape "
                    + java.util.Arrays.toString(p.shape()) + " order " + p.ordering() + " offset " + p.offset() + ", expected "
                    + java.util.Arrays.toString(shape) + " '" + order + "' at " + offset);
        }
    }
}
