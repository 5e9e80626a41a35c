package io.dsr4j.policy.dl4j;

import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.policy.RnnLayout;
import io.dsr4j.policy.RnnSpec;

/**
 * Test oracle: a straightforward LSTM over the canonical {@link RnnLayout} (gates i, f, g, o, row-major), written
 * from the layout's documentation only, scoring a batch the way the reference does (§4.5). Independent of DL4J
 * and of the engine's encoder and distribution code.
 */
final class CanonicalLstm {

    private final RnnLayout layout;
    private final double[] p;

    CanonicalLstm(RnnLayout layout, double[] params) {
        this.layout = layout;
        this.p = params;
    }

    Policy.Scores score(SequenceBatch b, double gamma) {
        RnnSpec spec = layout.spec();
        Library lib = layout.library();
        int L = lib.size(), layers = layout.layers();
        double[] neglogp = new double[b.size()], entropy = new double[b.size()];
        for (int i = 0; i < b.size(); i++) {
            double[][] h = new double[layers][], c = new double[layers][];
            for (int l = 0; l < layers; l++) {
                h[l] = new double[layout.units(l)];
                c[l] = new double[layout.units(l)];
            }
            for (int t = 0; t < b.length(i); t++) {
                double[] x = input(spec, lib, b.previousAction(i, t), b.parent(i, t), b.sibling(i, t), b.dangling(i, t));
                for (int l = 0; l < layers; l++) {
                    int H = layout.units(l), in = layout.inputSize(l);
                    double[] hn = new double[H];
                    for (int u = 0; u < H; u++) {
                        double[] zz = new double[4];
                        for (int g = 0; g < 4; g++) {
                            int col = g * H + u;
                            double s = p[layout.biasOffset(l) + col];
                            for (int r = 0; r < in; r++) s += x[r] * p[layout.inputKernelOffset(l) + r * 4 * H + col];
                            for (int r = 0; r < H; r++) s += h[l][r] * p[layout.recurrentKernelOffset(l) + r * 4 * H + col];
                            zz[g] = s;
                        }
                        double ig = sig(zz[0]), fg = sig(zz[1]), gg = Math.tanh(zz[2]), og = sig(zz[3]);
                        c[l][u] = fg * c[l][u] + ig * gg;
                        hn[u] = og * Math.tanh(c[l][u]);
                    }
                    h[l] = hn;
                    x = hn;
                }
                double[] z = new double[L];
                int H = spec.outputUnits();
                for (int k = 0; k < L; k++) {
                    double s = p[layout.outputBiasOffset() + k];
                    for (int r = 0; r < H; r++) s += x[r] * p[layout.outputKernelOffset() + r * L + k];
                    z[k] = s;
                }
                double lb = spec.actionProbLowerBound();
                if (lb > 0) {
                    double[] sm = softmax(z);
                    for (int k = 0; k < L; k++) z[k] = Math.log((1 - lb) * sm[k] + lb / L);
                }
                for (int k = 0; k < L; k++) z[k] += b.prior(i, t, k);
                double[] prob = softmax(z);
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (double v : z) max = Math.max(max, v);
                for (double v : z) sum += Math.exp(v - max);
                double logZ = max + Math.log(sum), ent = 0;
                for (int k = 0; k < L; k++) if (prob[k] > 0) ent -= prob[k] * (z[k] - logZ);
                neglogp[i] -= z[b.action(i, t)] - logZ;
                entropy[i] += Math.pow(gamma, t) * ent;
            }
        }
        return new Policy.Scores(neglogp, entropy);
    }

    private double[] input(RnnSpec spec, Library lib, int action, int parent, int sibling, int dangling) {
        double[] x = new double[spec.inputSize(lib)];
        int off = 0, e = spec.embeddingSize();
        int[] index = {RnnSpec.actionIndex(lib, action), RnnSpec.parentIndex(lib, parent), RnnSpec.siblingIndex(lib, sibling)};
        boolean[] observed = {spec.observeAction(), spec.observeParent(), spec.observeSibling()};
        int[] vocab = {RnnSpec.actionVocabulary(lib), RnnSpec.parentVocabulary(lib), RnnSpec.siblingVocabulary(lib)};
        int[] table = {layout.actionEmbeddingOffset(), layout.parentEmbeddingOffset(), layout.siblingEmbeddingOffset()};
        for (int f = 0; f < 3; f++) {
            if (!observed[f]) continue;
            if (spec.embedding()) {
                for (int j = 0; j < e; j++) x[off + j] = p[table[f] + index[f] * e + j];
                off += e;
            } else {
                x[off + index[f]] = 1;
                off += vocab[f];
            }
        }
        if (spec.observeDangling()) x[off] = dangling;
        return x;
    }

    private static double sig(double v) { return 1 / (1 + Math.exp(-v)); }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : z) max = Math.max(max, v);
        double[] out = new double[z.length];
        for (int k = 0; k < z.length; k++) sum += out[k] = Math.exp(z[k] - max);
        for (int k = 0; k < z.length; k++) out[k] /= sum;
        return out;
    }
}
