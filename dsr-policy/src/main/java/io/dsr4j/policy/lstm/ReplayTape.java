package io.dsr4j.policy.lstm;

/**
 * Activations of a replayed (re-scored) batch kept for back-propagation through time, indexed by
 * {@code pair = localRow·width + t}. Grown on demand and reused across training steps.
 */
final class ReplayTape {

    private final RnnNetwork net;
    private int capacity;
    /** Per layer: gate activations [pair·G·H], cell state c (LSTM) [pair·H], tanh(c) (LSTM) or r⊙h_prev (GRU), h. */
    double[][] act;
    double[][] c;
    double[][] tc;
    double[][] h;
    /** Per pair × L: probabilities and log-probabilities of the prior-adjusted distribution. */
    double[] prob;
    double[] logp;
    /** Per pair × L, only with a probability lower bound: softmax of the raw output and the mixture q. */
    double[] soft;
    double[] mix;
    /** Per pair: entropy H_t. */
    double[] entropy;

    ReplayTape(RnnNetwork net) {
        this.net = net;
        act = new double[net.layers][];
        c = new double[net.layers][];
        tc = new double[net.layers][];
        h = new double[net.layers][];
    }

    /** Makes room for {@code pairs} (row, t) positions. */
    void ensure(int pairs) {
        if (pairs <= capacity) return;
        int cap = Math.max(pairs, capacity + capacity / 2);
        for (int l = 0; l < net.layers; l++) {
            int u = net.units[l];
            act[l] = new double[cap * net.gates * u];
            c[l] = new double[cap * u];
            tc[l] = new double[cap * u];
            h[l] = new double[cap * u];
        }
        int L = net.L;
        prob = new double[cap * L];
        logp = new double[cap * L];
        if (net.lowerBound > 0) {
            soft = new double[cap * L];
            mix = new double[cap * L];
        } else {
            soft = prob; // never read without a lower bound; any array of the right size keeps calls uniform
            mix = prob;
        }
        entropy = new double[cap];
        capacity = cap;
    }

    /** Bytes per (row, t) position, to decide whether a whole batch's tape may be kept. */
    static long bytesPerPair(RnnNetwork net) {
        long d = 0;
        for (int l = 0; l < net.layers; l++) d += (long) (net.gates + 3) * net.units[l];
        d += (net.lowerBound > 0 ? 4L : 2L) * net.L + 1;
        return 8 * d;
    }
}
