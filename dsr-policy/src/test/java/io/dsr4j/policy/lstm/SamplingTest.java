package io.dsr4j.policy.lstm;

import io.dsr4j.api.policy.Episode;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingTest {

    private final Library koza = TestToken.koza();

    /** A policy with random, non-trivial weights (so that it is far from uniform). */
    static JvmLstmPolicy randomPolicy(RnnSpec spec, ToyEnvironment env, long seed, int threads) {
        JvmLstmPolicy p = PolicyTestSupport.policy(spec, env, seed, threads);
        double[] w = p.getParameters();
        Rng rng = new Rng(seed + 100);
        for (int i = 0; i < w.length; i++) w[i] += 0.8 * (rng.nextDouble() - 0.5);
        p.setParameters(w);
        return p;
    }

    static RnnSpec richSpec() {
        return new RnnSpec(64, RnnSpec.Cell.LSTM, new int[] {16, 8}, RnnSpec.Initializer.VAR_SCALE,
                true, true, true, true, false, 8, 0.05);
    }

    @Test
    void samplesAreCompleteTraversalsThatRespectHardPriors() {
        int exp = koza.indexOf("exp");
        ToyEnvironment env = new ToyEnvironment(koza, 4, 12, true, exp);
        try (JvmLstmPolicy policy = randomPolicy(richSpec(), env, 1, 1)) {
            SequenceBatch b = policy.sample(2000);
            assertEquals(2000, b.size());
            int widest = 0;
            for (int r = 0; r < b.size(); r++) {
                int len = b.length(r);
                widest = Math.max(widest, len);
                assertTrue(len >= 4 && len <= 12, "length " + len);
                int dangling = 1;
                for (int t = 0; t < len; t++) {
                    int a = b.action(r, t);
                    assertNotEquals(exp, a, "banned token sampled");
                    assertTrue(Float.isFinite(b.prior(r, t, a)), "sampled a token its prior forbids");
                    assertEquals(dangling, b.dangling(r, t));
                    assertEquals(t == 0 ? -1 : b.action(r, t - 1), b.previousAction(r, t));
                    int[] ps = referenceParentSibling(b, r, t);
                    assertEquals(ps[0], b.parent(r, t), "parent at " + r + "," + t);
                    assertEquals(ps[1], b.sibling(r, t), "sibling at " + r + "," + t);
                    dangling += koza.arity(a) - 1;
                    assertTrue(dangling > 0 || t == len - 1);
                }
                assertEquals(0, dangling, "row " + r + " is not a complete expression");
            }
            assertEquals(widest, b.width());
        }
    }

    /** The reference's parents_siblings: scan back from the last token accumulating arity − 1. */
    private int[] referenceParentSibling(SequenceBatch b, int r, int t) {
        if (t == 0) return new int[] {-1, -1};
        int last = b.action(r, t - 1);
        if (koza.arity(last) > 0) return new int[] {last, -1};
        int c = 0;
        for (int j = t - 1; j >= 0; j--) {
            c += koza.arity(b.action(r, j)) - 1;
            if (c == 0) return new int[] {b.action(r, j), b.action(r, j + 1)};
        }
        return new int[] {-1, -1};
    }

    @Test
    void zerosInitIsUniformBeforePriors() {
        // no soft prior: every allowed token has the same probability at every step
        ToyEnvironment env = new ToyEnvironment(koza, 2, 9, false);
        try (JvmLstmPolicy policy = PolicyTestSupport.policy(RnnSpec.defaults(), env, 4, 1)) {
            SequenceBatch b = policy.sample(300);
            double gamma = 0.6;
            var s = policy.score(b, gamma);
            for (int r = 0; r < b.size(); r++) {
                double nlp = 0, ent = 0, g = 1;
                for (int t = 0; t < b.length(r); t++) {
                    int allowed = 0;
                    for (int k = 0; k < koza.size(); k++) if (b.prior(r, t, k) == 0f) allowed++;
                    nlp += Math.log(allowed);
                    ent += g * Math.log(allowed);
                    g *= gamma;
                }
                assertEquals(nlp, s.neglogp()[r], 1e-12);
                assertEquals(ent, s.entropy()[r], 1e-12);
            }
        }
        // and the first token is drawn uniformly from all 9
        ToyEnvironment open = new ToyEnvironment(koza, 1, 3, false);
        try (JvmLstmPolicy policy = PolicyTestSupport.policy(RnnSpec.defaults(), open, 5, 1)) {
            int n = 45_000;
            int[] counts = new int[koza.size()];
            SequenceBatch b = policy.sample(n);
            for (int r = 0; r < n; r++) counts[b.action(r, 0)]++;
            double expected = n / 9.0, sd = Math.sqrt(n * (1 / 9.0) * (8 / 9.0));
            for (int k = 0; k < counts.length; k++) {
                assertTrue(Math.abs(counts[k] - expected) < 5 * sd, "token " + k + ": " + counts[k]);
            }
        }
    }

    @Test
    void samplingFollowsTheDistributionThatScoringComputes() {
        ToyEnvironment env = new ToyEnvironment(koza, 4, 20, true);
        try (JvmLstmPolicy policy = randomPolicy(richSpec(), env, 7, 1)) {
            // first-position probabilities from score() on one-token rows with the initial prior
            int L = koza.size();
            Episode ep = env.start(1);
            float[] prior = new float[L];
            ep.priors(prior);
            int[] actions = new int[L], lengths = new int[L], parents = new int[L], siblings = new int[L], dangl = new int[L];
            float[] priors = new float[L * L];
            for (int k = 0; k < L; k++) {
                actions[k] = k;
                lengths[k] = 1;
                parents[k] = siblings[k] = -1;
                dangl[k] = 1;
                System.arraycopy(prior, 0, priors, k * L, L);
            }
            var s = policy.score(new SequenceBatch(L, 1, L, actions, lengths, parents, siblings, dangl, priors), 1.0);
            int n = 60_000;
            SequenceBatch b = policy.sample(n);
            int[] counts = new int[L];
            for (int r = 0; r < n; r++) counts[b.action(r, 0)]++;
            double total = 0;
            for (int k = 0; k < L; k++) {
                double p = Math.exp(-s.neglogp()[k]);
                total += prior[k] == Float.NEGATIVE_INFINITY ? 0 : p;
                if (prior[k] == Float.NEGATIVE_INFINITY) {
                    assertEquals(0, counts[k]);
                    assertTrue(Double.isInfinite(s.neglogp()[k]));
                    continue;
                }
                double sd = Math.sqrt(n * p * (1 - p));
                assertTrue(Math.abs(counts[k] - n * p) < 5 * sd + 1, "token " + k + ": " + counts[k] + " vs " + n * p);
            }
            assertEquals(1.0, total, 1e-12);
        }
    }

    @Test
    void sameSeedSameBatchAndIndependentOfThreads() {
        ToyEnvironment env = new ToyEnvironment(koza, 4, 30, true);
        try (JvmLstmPolicy a = randomPolicy(richSpec(), env, 3, 1);
             JvmLstmPolicy b = randomPolicy(richSpec(), env, 3, 1);
             JvmLstmPolicy c = randomPolicy(richSpec(), env, 3, 2);
             JvmLstmPolicy d = randomPolicy(richSpec(), env, 3, 3)) {
            for (int round = 0; round < 3; round++) {
                SequenceBatch sa = a.sample(500);
                assertSameBatch(sa, b.sample(500));
                assertSameBatch(sa, c.sample(500));
                assertSameBatch(sa, d.sample(500));
            }
            SequenceBatch first = a.sample(200), second = a.sample(200);
            boolean advanced = false;
            for (int r = 0; r < 200 && !advanced; r++) advanced = !java.util.Arrays.equals(first.tokens(r), second.tokens(r));
            assertTrue(advanced, "successive calls draw new samples");
        }
        try (JvmLstmPolicy a = randomPolicy(richSpec(), env, 3, 1); JvmLstmPolicy e = randomPolicy(richSpec(), env, 4, 1)) {
            SequenceBatch x = a.sample(200), y = e.sample(200);
            boolean differ = false;
            for (int r = 0; r < 200 && !differ; r++) differ = !java.util.Arrays.equals(x.tokens(r), y.tokens(r));
            assertTrue(differ, "different seeds give different samples");
        }
    }

    static void assertSameBatch(SequenceBatch x, SequenceBatch y) {
        assertEquals(x.size(), y.size());
        assertEquals(x.width(), y.width());
        for (int r = 0; r < x.size(); r++) {
            assertEquals(x.length(r), y.length(r));
            for (int t = 0; t < x.length(r); t++) {
                assertEquals(x.action(r, t), y.action(r, t));
                assertEquals(x.parent(r, t), y.parent(r, t));
                assertEquals(x.sibling(r, t), y.sibling(r, t));
                assertEquals(x.dangling(r, t), y.dangling(r, t));
                for (int k = 0; k < x.librarySize(); k++) assertEquals(x.prior(r, t, k), y.prior(r, t, k));
            }
        }
    }
}
