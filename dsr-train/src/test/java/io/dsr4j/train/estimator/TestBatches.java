package io.dsr4j.train.estimator;

import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.SequenceBatch;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hand-built batches whose rows identify themselves: row i has action(i, 0) == i. */
final class TestBatches {

    static final int LIBRARY = 3;
    static final int WIDTH = 6;
    static final Location USER = new Location("user.yaml", 3, 5);

    private TestBatches() { }

    static int lengthOf(int id) { return 1 + id % 4; }

    /** Row i: length 1 + i % 4, actions i, i+1, ..., observations/priors derived from i and t. */
    static SequenceBatch batch(int n) {
        int[] a = new int[n * WIDTH], len = new int[n], p = new int[n * WIDTH], s = new int[n * WIDTH],
                d = new int[n * WIDTH];
        float[] pr = new float[n * WIDTH * LIBRARY];
        for (int i = 0; i < n; i++) {
            len[i] = lengthOf(i);
            for (int t = 0; t < len[i]; t++) {
                int k = i * WIDTH + t;
                a[k] = i + t;
                p[k] = t == 0 ? -1 : i % 7;
                s[k] = t == 0 ? -1 : i % 5;
                d[k] = len[i] - t;
                for (int l = 0; l < LIBRARY; l++) pr[k * LIBRARY + l] = -(i % 11) - l - 0.5f * t;
            }
        }
        return new SequenceBatch(n, WIDTH, LIBRARY, a, len, p, s, d, pr);
    }

    /** The identifying ids of a batch's rows. */
    static int[] ids(SequenceBatch b) {
        int[] ids = new int[b.size()];
        for (int r = 0; r < b.size(); r++) ids[r] = b.action(r, 0);
        return ids;
    }

    static String key(int id) { return "p" + id; }

    static TrainingSamples samples(double[] rewards, long iteration) {
        String[] keys = new String[rewards.length];
        for (int i = 0; i < keys.length; i++) keys[i] = key(i);
        return new TrainingSamples(batch(rewards.length), rewards, keys, iteration);
    }

    static TrainingSamples samples(double[] rewards, String[] keys, long iteration) {
        return new TrainingSamples(batch(rewards.length), rewards, keys, iteration);
    }

    static EstimatorContext context() {
        return new EstimatorContext(0.03, 0.7, 42L, 1000);
    }

    /** The estimator section of the built-in defaults, with the keys the trainer consumes already marked used. */
    static Map<String, Object> defaultsSection() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "risk_seeking");
        m.put("learning_rate", 0.0005);
        m.put("optimizer", "adam");
        m.put("entropy_weight", 0.03);
        m.put("entropy_gamma", 0.7);
        return m;
    }

    /** Defaults deep-merged with the user's keys (at {@link #USER}), as the config loader does. */
    static Params params(Map<String, ?> user) {
        ConfigNode merged = ConfigNode.merge(ConfigNode.of(defaultsSection(), Location.DEFAULTS),
                ConfigNode.of(user, USER));
        Params p = new Params("estimator", (ConfigNode.MapNode) merged);
        for (String common : new String[] {"type", "learning_rate", "optimizer", "entropy_weight", "entropy_gamma"}) {
            p.markUsed(common);
        }
        return p;
    }

    static Params params() { return params(Map.of()); }
}
