package io.dsr4j.policy.lstm;

/**
 * Activations of a replayed (re-scored) batch kept for back-propagation through time, one small array per
 * {@code pair = localRow·width + t} (0-based arrays keep the kernels vectorisable). Grown on demand, reused.
 */
final class ReplayTape {

    private final RnnNetwork net;
    private int capacity;
    /** [layer][pair]: gate activations (G·H), cell state (H, LSTM), tanh(c) (LSTM) or r⊙h_prev (GRU), h (H). */
    double[][][] act;
    double[][][] c;
    double[][][] aux;
    double[][][] h;
    /** [pair]: probabilities and log-probabilities (L) of the prior-adjusted distribution. */
    double[][] prob;
    double[][] logp;
    /** [pair], only with a probability lower bound: softmax of the raw output and the mixture q (L). */
    double[][] soft;
    double[][] mix;
    /** [pair]: entropy H_t. */
    double[] entropy = new double[0];

    ReplayTape(RnnNetwork net) {
        this.net = net;
        int layers = net.layers;
        act = new double[layers][0][];
        c = new double[layers][0][];
        aux = new double[layers][0][];
        h = new double[layers][0][];
        prob = new double[0][];
        logp = new double[0][];
        soft = new double[0][];
        mix = new double[0][];
    }

    /** Makes room for {@code pairs} (row, t) positions. */
    void ensure(int pairs) {
        if (pairs <= capacity) return;
        int cap = Math.max(pairs, capacity + capacity / 2);
        for (int l = 0; l < net.layers; l++) {
            int u = net.units[l];
            act[l] = grow(act[l], cap, net.gates * u);
            c[l] = grow(c[l], cap, net.lstm ? u : 0);
            aux[l] = grow(aux[l], cap, u);
            h[l] = grow(h[l], cap, u);
        }
        prob = grow(prob, cap, net.L);
        logp = grow(logp, cap, net.L);
        int lbWidth = net.lowerBound > 0 ? net.L : 0;
        soft = grow(soft, cap, lbWidth);
        mix = grow(mix, cap, lbWidth);
        entropy = java.util.Arrays.copyOf(entropy, cap);
        capacity = cap;
    }

    private static double[][] grow(double[][] old, int cap, int width) {
        double[][] a = java.util.Arrays.copyOf(old, cap);
        for (int i = old.length; i < cap; i++) a[i] = new double[width];
        return a;
    }

    /** Approximate bytes per (row, t) position, to decide whether a whole batch's tape may be kept. */
    static long bytesPerPair(RnnNetwork net) {
        long d = 0;
        for (int l = 0; l < net.layers; l++) d += (long) (net.gates + 3) * net.units[l] + 64;
        d += (net.lowerBound > 0 ? 4L : 2L) * (net.L + 2) + 1;
        return 8 * d;
    }
}
