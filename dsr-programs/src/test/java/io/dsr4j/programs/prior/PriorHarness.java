package io.dsr4j.programs.prior;

import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.prior.builtin.BuiltinPriors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Test harness in the style of the reference's test_prior.py: builds priors from a prior section and steps cases
 * through an {@link PriorEpisode} exactly like sampling (prior for position t, then advance with the case's token).
 */
final class PriorHarness {

    static final Location USER = new Location("test.yaml", 7, 3);

    private PriorHarness() { }

    /** A prior section as if written by the user in a config file. */
    static Params userSection(Map<String, ?> section) {
        return new Params("prior", (ConfigNode.MapNode) ConfigNode.of(section, USER));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static PriorSet build(Library lib, Dataset data, int policyMaxLength, Map<String, ?> section) {
        return PriorSet.build(userSection(section), BuiltinPriors.factories(), lib, data, policyMaxLength);
    }

    static PriorEnvironment env(Library lib, Map<String, ?> section) {
        return build(lib, null, 64, section).environment();
    }

    static int[] tokens(Library lib, String csv) {
        return ConstraintReplay.parse(lib, csv);
    }

    static int[] tokens(Library lib, List<String> names) {
        return names.stream().mapToInt(n -> {
            int i = lib.indexOf(n);
            if (i < 0) throw new IllegalArgumentException(n);
            return i;
        }).toArray();
    }

    /**
     * Steps all cases through one episode in lockstep, padding each with token 0 (x1) after its end as the
     * reference's make_batch does, and returns for each case the first position whose token had prior -inf
     * (-1 if none) among its own tokens and the padding until the row finished.
     */
    static int[] firstForbidden(PriorEnvironment env, List<int[]> cases) {
        int n = cases.size();
        int stride = env.library().size();
        PriorEpisode ep = env.start(n);
        float[] prior = new float[n * stride];
        int[] first = new int[n];
        Arrays.fill(first, -1);
        int[] act = new int[n];
        for (int t = 0; !ep.allFinished(); t++) {
            ep.priors(prior);
            for (int r = 0; r < n; r++) {
                if (ep.finished(r)) {
                    for (int k = 0; k < stride; k++) {
                        if (prior[r * stride + k] != 0f) fail("finished row " + r + " has a non-zero prior");
                    }
                    continue;
                }
                int[] c = cases.get(r);
                act[r] = t < c.length ? c[t] : 0;
                if (first[r] < 0 && prior[r * stride + act[r]] == Float.NEGATIVE_INFINITY) first[r] = t;
            }
            ep.advance(act);
        }
        return first;
    }

    /**
     * Each invalid case runs in its own episode: after a forbidden token a forced continuation may legitimately
     * reach a position where every token is forbidden (conflict exception), which then only confirms the verdict.
     */
    static void assertInvalid(PriorEnvironment env, List<int[]> cases) {
        for (int[] c : cases) {
            int first;
            try {
                first = firstForbidden(env, List.of(c))[0];
            } catch (io.dsr4j.api.config.ConfigException e) {
                first = firstForbiddenBeforeConflict(env, c);
                assertTrue(first >= 0, "conflict before any forbidden token in " + names(env.library(), c) + ": " + e.getMessage());
            }
            assertTrue(first >= 0 && first < c.length,
                    "expected a forbidden token in case " + names(env.library(), c) + " (first forbidden at " + first + ")");
            assertTrue(env.violations(new int[][]{completed(env, c)})[0],
                    "violations() misses the forbidden token of case " + names(env.library(), c));
        }
    }

    /**
     * The case as a whole program, the way the harness steps it: its tokens up to completion or the max length,
     * then x1 (token 0) until complete; what GP's constraint check ({@link PriorEnvironment#violations}) sees.
     */
    static int[] completed(PriorEnvironment env, int[] c) {
        Library lib = env.library();
        List<Integer> out = new ArrayList<>();
        int dangling = 1;
        for (int i = 0; dangling > 0 && out.size() < env.maxLength(); i++) {
            int t = i < c.length ? c[i] : 0;
            out.add(t);
            dangling += lib.arity(t) - 1;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int firstForbiddenBeforeConflict(PriorEnvironment env, int[] c) {
        ConstraintReplay.Result r = ConstraintReplay.replay(env, c);
        for (ConstraintReplay.Step s : r.steps()) if (!s.allowed()) return s.position();
        return -1;
    }

    static void assertValid(PriorEnvironment env, List<int[]> cases) {
        int[] first = firstForbidden(env, cases);
        for (int r = 0; r < cases.size(); r++) {
            assertTrue(first[r] < 0, "expected case " + names(env.library(), cases.get(r)) + " to be valid, but position "
                    + first[r] + " is forbidden");
        }
        // GP's whole-program check (the reference's is_violated) must agree with stepping (test_prior.py does the same)
        int[][] programs = cases.stream().map(c -> completed(env, c)).toArray(int[][]::new);
        boolean[] violated = env.violations(programs);
        for (int r = 0; r < programs.length; r++) {
            assertTrue(!violated[r], "violations() rejects the valid case " + names(env.library(), cases.get(r)));
        }
    }

    static void assertInvalid(PriorEnvironment env, String... csv) {
        assertInvalid(env, Arrays.stream(csv).map(s -> tokens(env.library(), s)).toList());
    }

    static void assertValid(PriorEnvironment env, String... csv) {
        assertValid(env, Arrays.stream(csv).map(s -> tokens(env.library(), s)).toList());
    }

    static String names(Library lib, int[] seq) {
        List<String> l = new ArrayList<>();
        for (int t : seq) l.add(lib.name(t));
        return String.join(",", l);
    }

    /**
     * Samples {@code n} sequences with uniform logits plus the joint prior (softmax over the prior row), like the
     * policy at initialisation; returns the episode after completion.
     */
    static PriorEpisode sample(PriorEnvironment env, int n, long seed) {
        int stride = env.library().size();
        PriorEpisode ep = env.start(n);
        float[] prior = new float[n * stride];
        double[] p = new double[stride];
        int[] act = new int[n];
        Rng rng = new Rng(seed);
        while (!ep.allFinished()) {
            ep.priors(prior);
            for (int r = 0; r < n; r++) {
                if (ep.finished(r)) continue;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < stride; k++) max = Math.max(max, prior[r * stride + k]);
                double sum = 0;
                for (int k = 0; k < stride; k++) sum += p[k] = Math.exp(prior[r * stride + k] - max);
                double u = rng.nextDouble() * sum;
                int k = 0;
                while (k < stride - 1 && (u -= p[k]) >= 0) k++;
                while (p[k] == 0) k--; // guard against rounding at the tail
                act[r] = k;
            }
            ep.advance(act);
        }
        return ep;
    }
}
