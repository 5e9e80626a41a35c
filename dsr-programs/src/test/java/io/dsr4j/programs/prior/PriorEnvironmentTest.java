package io.dsr4j.programs.prior;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.token.Library;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.dsr4j.programs.prior.PriorHarness.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorEnvironmentTest {

    private final Library ckoza = TestLibraries.kozaConst(1);

    private static final Map<String, Object> DEFAULTS = map(
            "length", map("min_", 4, "max_", 64, "on", true),
            "repeat", map("tokens", "const", "min_", null, "max_", 3, "on", true),
            "inverse", map("on", true),
            "trig", map("on", true),
            "const", map("on", true),
            "no_inputs", map("on", true),
            "uniform_arity", map("on", true),
            "soft_length", map("loc", 10, "scale", 5, "on", true));

    @Test
    void initialPriorIsTheSumOfInitials() {
        PriorEnvironment env = PriorHarness.env(ckoza, DEFAULTS);
        PriorEpisode ep = env.start(3);
        int L = ckoza.size();
        float[] out = new float[3 * L];
        ep.priors(out);
        // 2 terminals (x1, const), 4 unaries, 4 binaries: uniform_arity adds -ln 2 / -ln 4; length forbids terminals.
        for (int r = 0; r < 3; r++) {
            for (int t = 0; t < L; t++) {
                float v = out[r * L + t];
                if (ckoza.arity(t) == 0) assertEquals(Float.NEGATIVE_INFINITY, v, ckoza.name(t));
                else assertEquals((float) -Math.log(4), v, 1e-6, ckoza.name(t));
            }
        }
        double[] initial = env.initialPrior();
        assertEquals(-Math.log(4), initial[ckoza.indexOf("sin")], 1e-12);
    }

    @Test
    void unfinishedPriorsWritesWhatPriorsWritesForUnfinishedRowsOnly() {
        PriorEnvironment env = PriorHarness.env(ckoza, DEFAULTS);
        int L = ckoza.size(), n = 3;
        int sin = ckoza.indexOf("sin"), add = ckoza.indexOf("add"), x1 = ckoza.indexOf("x1");
        int[][] steps = {{sin, add, sin}, {x1, x1, x1}, {sin, x1, x1}}; // rows 0 and 2 finish after step 2, row 1 after step 3
        PriorEpisode all = env.start(n);
        float[] full = new float[n * L];
        java.util.List<float[]> expected = new java.util.ArrayList<>();
        for (int[] a : steps) {
            all.priors(full);
            expected.add(full.clone());
            all.advance(a);
        }
        PriorEpisode part = env.start(n); // supersedes the first episode on this thread
        float[] out = new float[n * L];
        java.util.Arrays.fill(out, 7f);
        for (int s = 0; s < steps.length; s++) {
            boolean[] finished = new boolean[n];
            for (int r = 0; r < n; r++) finished[r] = part.finished(r);
            float[] before = out.clone();
            part.unfinishedPriors(out);
            for (int r = 0; r < n; r++) {
                for (int k = r * L; k < (r + 1) * L; k++) {
                    assertEquals(finished[r] ? before[k] : expected.get(s)[k], out[k], "step " + s + " row " + r);
                    if (finished[r]) assertEquals(0f, expected.get(s)[k]); // priors() gives finished rows zeros
                }
            }
            part.advance(steps[s]);
        }
        assertTrue(expected.size() == 3 && part.finished(0) && part.finished(1));
    }

    @Test
    void stepPriorCombinesPriorsPerRow() {
        PriorEnvironment env = PriorHarness.env(ckoza, DEFAULTS);
        PriorEpisode ep = env.start(2);
        int L = ckoza.size();
        float[] out = new float[2 * L];
        ep.priors(out);
        ep.advance(new int[]{ckoza.indexOf("sin"), ckoza.indexOf("add")});
        ep.priors(out);
        // Row 0 under sin (t = 1 < loc, dangling 1): trig forbids sin/cos, const forbids const (unary parent),
        // length min forbids terminals; soft_length adds -(1-10)^2/10 to terminals (already -inf).
        assertEquals(Float.NEGATIVE_INFINITY, out[ckoza.indexOf("cos")]);
        assertEquals(Float.NEGATIVE_INFINITY, out[ckoza.indexOf("x1")]);
        assertEquals((float) -Math.log(4), out[ckoza.indexOf("exp")], 1e-6);
        // Row 1 under add (dangling 2): x1 allowed with uniform_arity only, const allowed (first child).
        assertEquals((float) -Math.log(2), out[L + ckoza.indexOf("x1")], 1e-6);
        assertEquals((float) -Math.log(2), out[L + ckoza.indexOf("const")], 1e-6);
        assertEquals((float) -Math.log(4), out[L + ckoza.indexOf("sin")], 1e-6);
    }

    @Test
    void finishedRowsGetZerosAndAreNotAdvanced() {
        PriorEnvironment env = PriorHarness.env(ckoza, map("length", map("min_", null, "max_", 10, "on", true),
                "uniform_arity", map("on", true)));
        PriorEpisode ep = env.start(2);
        int L = ckoza.size();
        float[] out = new float[2 * L];
        int sin = ckoza.indexOf("sin"), x1 = ckoza.indexOf("x1"), add = ckoza.indexOf("add");
        ep.priors(out);
        ep.advance(new int[]{sin, add});
        ep.advance(new int[]{x1, x1});
        assertTrue(ep.finished(0));
        assertFalse(ep.finished(1));
        ep.priors(out);
        for (int t = 0; t < L; t++) assertEquals(0f, out[t]);
        ep.advance(new int[]{add, x1});
        assertEquals(2, ep.length(0));
        assertTrue(ep.allFinished());
        assertEquals("sin,x1", ep.prefix(0));
        assertEquals("add,x1,x1", ep.prefix(1));
    }

    /**
     * The episode keeps its prior buffer zeroed between steps instead of clearing it per step: on random prefixes,
     * over many episodes of changing sizes that reuse one workspace, every unfinished row's prior must equal the sum
     * of each prior's own adjustment recomputed from scratch on a fresh tree state. The second environment's priors
     * contradict each other after some prefixes: episodes that hit a conflict are abandoned mid-way, and the
     * episodes after them must still be exact.
     */
    @Test
    void episodePriorsEqualPriorsRecomputedFromScratch() {
        Library koza = TestLibraries.koza(1);
        PriorEnvironment conflicting = PriorHarness.env(koza, map(
                "length", map("min_", 2, "max_", 4, "on", true),
                "repeat", map("tokens", "x1", "max_", 1, "on", true),
                "uniform_arity", map("on", true),
                "soft_length", map("loc", 2, "scale", 1, "on", true)));
        assertEquals(0, checkAgainstRecomputed(PriorHarness.env(ckoza, DEFAULTS), 40, 1500));
        assertTrue(checkAgainstRecomputed(conflicting, 60, 500) > 0, "no episode hit a conflict");
    }

    /** Random episodes on one environment (one thread: one workspace); returns the number that hit a conflict. */
    private static int checkAgainstRecomputed(PriorEnvironment env, int episodes, int minRows) {
        Library lib = env.library();
        int L = lib.size();
        java.util.Random rng = new java.util.Random(5);
        int checkedRows = 0, conflicts = 0;
        for (int episode = 0; episode < episodes; episode++) {
            int n = 1 + rng.nextInt(40);
            PriorEpisode ep = env.start(n);
            TreeState fresh = env.newState();
            fresh.reset(n);
            float[] out = new float[n * L];
            int[] next = new int[n];
            for (int t = 0; !ep.allFinished(); t++) {
                java.util.Arrays.fill(out, Float.NaN);
                try {
                    ep.unfinishedPriors(out);
                } catch (ConfigException e) {
                    conflicts++;
                    break; // abandoned: its rows' buffers must not leak into the next episode
                }
                int[] rows = ep.unfinishedRows();
                for (int i = 0, live = ep.unfinishedCount(); i < live; i++) {
                    int r = rows[i];
                    double[][] parts = env.contributions(fresh, r, t == 0);
                    java.util.List<Integer> allowed = new java.util.ArrayList<>();
                    for (int k = 0; k < L; k++) {
                        double sum = 0;
                        for (double[] part : parts) sum += part[k];
                        assertEquals((float) sum, out[r * L + k],
                                "episode " + episode + ", row " + r + ", position " + t + ", token " + lib.name(k));
                        if (sum != Double.NEGATIVE_INFINITY) allowed.add(k);
                    }
                    next[r] = allowed.get(rng.nextInt(allowed.size()));
                    checkedRows++;
                }
                ep.advance(next);
                fresh.advance(next);
            }
        }
        assertTrue(checkedRows >= minRows, "checked only " + checkedRows + " rows");
        return conflicts;
    }

    @Test
    void contradictoryPriorsFailWithAnExplanation() {
        Library koza = TestLibraries.koza(1);
        PriorEnvironment env = PriorHarness.env(koza, map(
                "length", map("min_", 2, "max_", 4, "on", true),
                "repeat", map("tokens", "x1", "max_", 1, "on", true)));
        PriorEpisode ep = env.start(3);
        float[] out = new float[3 * koza.size()];
        int add = koza.indexOf("add"), x1 = koza.indexOf("x1"), sin = koza.indexOf("sin");
        ep.priors(out);
        ep.advance(new int[]{sin, add, sin});
        ep.priors(out);
        ep.advance(new int[]{x1, x1, sin});
        ep.priors(out);
        ep.advance(new int[]{x1, sin, x1});
        // Row 1 is at position 3 after add,x1,sin: length allows only terminals, repeat forbids x1.
        ConfigException e = assertThrows(ConfigException.class, () -> ep.priors(out));
        String m = e.getMessage();
        assertTrue(m.contains("position 3 after 'add,x1,sin'"), m);
        assertTrue(m.contains("every token is forbidden"), m);
        assertTrue(m.contains("length forbids [add, sub, mul, div, sin, cos, exp, log]"), m);
        assertTrue(m.contains("repeat forbids [x1]"), m);
        assertTrue(m.contains("relax one of them"), m);
    }

    @Test
    void conflictAtTheFirstPosition() {
        Library koza = TestLibraries.koza(1);
        // max_ 2 forbids terminals (first-token rule) and binaries (no room for two children); repeat bans unaries.
        PriorEnvironment env = PriorHarness.env(koza, map("length", map("max_", 2, "on", true),
                "repeat", map("tokens", "sin,cos,exp,log", "max_", 0, "on", true)));
        ConfigException e = assertThrows(ConfigException.class, () -> env.start(1).priors(new float[koza.size()]));
        assertTrue(e.getMessage().contains("position 0 (first token)"), e.getMessage());
    }

    @Test
    void aNewEpisodeOnTheSameThreadSupersedesTheOldOne() {
        PriorEnvironment env = PriorHarness.env(ckoza, DEFAULTS);
        PriorEpisode first = env.start(4);
        PriorEpisode second = env.start(2);
        float[] out = new float[4 * ckoza.size()];
        assertThrows(IllegalStateException.class, () -> first.priors(out));
        assertThrows(IllegalStateException.class, () -> first.advance(new int[4]));
        second.priors(out);
        assertEquals(2, second.batchSize());
        assertThrows(IllegalArgumentException.class, () -> second.priors(new float[3]));
    }

    @Test
    void episodesOnDifferentThreadsAreIndependent() throws Exception {
        PriorEnvironment env = PriorHarness.env(ckoza, DEFAULTS);
        PriorEpisode mine = env.start(5);
        Thread t = new Thread(() -> PriorHarness.sample(env, 50, 1));
        t.start();
        t.join();
        mine.priors(new float[5 * ckoza.size()]); // still current
        assertEquals(5, mine.batchSize());
    }
}
