package io.dsr4j.programs.gp;

import io.dsr4j.api.augment.BatchAugmenter;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.prior.ConstraintReplay;
import io.dsr4j.programs.prior.PriorEnvironment;
import io.dsr4j.programs.prior.PriorSet;
import io.dsr4j.programs.prior.TestLibraries;
import io.dsr4j.programs.prior.builtin.BuiltinPriors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection, constraint repair, the elite set and GP-meld's contract, with a stand-in reward. */
class GpEngineTest {

    private final Library lib = TestLibraries.of(2, "add", "mul", "sin", "cos", "const");

    private int[] t(String csv) {
        return ConstraintReplay.parse(lib, csv);
    }

    private PriorEnvironment env(Map<String, ?> priors) {
        Params p = new Params("prior", (ConfigNode.MapNode) ConfigNode.of(priors, new Location("test.yaml", 1, 1)));
        return PriorSet.build(p, BuiltinPriors.factories(), lib, null, 64).environment();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** Stand-in reward: fewer tokens is better; counts calls. */
    private static final class Shortest implements BatchAugmenter.Evaluator {
        int scored;

        @Override
        public double[] rewards(int[][] programs) {
            scored += programs.length;
            double[] r = new double[programs.length];
            for (int i = 0; i < r.length; i++) r[i] = 1.0 / programs[i].length;
            return r;
        }
    }

    @Test
    void tournamentOfTheWholePopulationPicksTheBest() {
        Population pop = new Population(new int[][]{t("x1"), t("x2"), t("sin,x1")}, new double[]{0.1, 0.9, 0.5});
        GpEngine engine = new GpEngine(env(map()), new GpSettings(0, 0, 50, 0), null, List.of());
        Rng rng = new Rng(1);
        for (int i = 0; i < 20; i++) assertEquals(1, engine.tournament(pop, rng));
        // size 1: uniform selection, every individual turns up
        GpEngine random = new GpEngine(env(map()), new GpSettings(0, 0, 1, 0), null, List.of());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) seen.add(random.tournament(pop, rng));
        assertEquals(Set.of(0, 1, 2), seen);
    }

    @Test
    void childrenThatBreakAConstraintAreReplacedByTheirParents() {
        // exactly 4 tokens: a crossover that swaps subtrees of different sizes, and every insert, breaks the length
        PriorEnvironment env = env(map("length", map("min_", 4, "max_", 4)));
        int[] a = t("add,x1,sin,x2"), b = t("mul,sin,x1,x2");
        Population pop = new Population(new int[][]{a, b, a, b}, new double[]{1, 1, 1, 1});
        GpEngine inserts = new GpEngine(env, new GpSettings(0, 1, 2, 0), null, List.of(new InsertMutation(lib)));
        GpEngine crosses = new GpEngine(env, new GpSettings(1, 0, 2, 0), new OnePointCrossover(lib), List.of());
        Rng rng = new Rng(7);
        boolean crossed = false;
        for (int g = 0; g < 50; g++) {
            for (int[] p : inserts.generation(pop, new Shortest(), rng).programs()) {
                assertTrue(Arrays.equals(p, a) || Arrays.equals(p, b), "an insert child survived: " + Arrays.toString(p));
            }
            Population next = crosses.generation(pop, new Shortest(), rng);
            boolean[] bad = env.violations(next.programs());
            for (int i = 0; i < bad.length; i++) {
                assertFalse(bad[i], Arrays.toString(next.programs()[i]));
                crossed |= !Arrays.equals(next.programs()[i], a) && !Arrays.equals(next.programs()[i], b);
            }
        }
        assertTrue(crossed, "some same-size swaps are valid and must be kept");
    }

    @Test
    void elitismKeepsTheBestUnchanged() {
        Population pop = new Population(new int[][]{t("add,x1,sin,x2"), t("x1"), t("mul,sin,x1,x2")}, new double[]{0.2, 0.9, 0.1});
        GpEngine engine = new GpEngine(env(map()), new GpSettings(1, 1, 2, 1), new OnePointCrossover(lib),
                GpOperators.factories().entrySet().stream().filter(e -> !e.getKey().equals("one_point"))
                        .map(e -> e.getValue().create(new io.dsr4j.api.gp.GpOperatorContext(lib, 2))).toList());
        Shortest ev = new Shortest();
        Population next = engine.generation(pop, ev, new Rng(3));
        assertArrayEquals(t("x1"), next.programs()[0]);
        assertEquals(0.9, next.rewards()[0]);
        assertEquals(2, ev.scored, "only the offspring are scored");
    }

    @Test
    void eliteSetKeepsTheBestDistinctProgramsBestFirst() {
        EliteSet e = new EliteSet(2);
        e.offer(t("x1"), 0.5);
        e.offer(t("x1"), 0.5);
        e.offer(t("x2"), 0.7);
        e.offer(t("sin,x1"), 0.6);
        e.offer(t("cos,x1"), 0.1);
        assertEquals(2, e.size());
        assertArrayEquals(t("x2"), e.programs()[0]);
        assertArrayEquals(t("sin,x1"), e.programs()[1]);
        assertArrayEquals(new double[]{0.7, 0.6}, e.rewards());
    }

    @Test
    void eliteSetBreaksTiesAsDeapsHallOfFame() {
        // DEAP: a newer equal goes before older ones; a full set drops its last (the oldest of the worst) and
        // takes a newcomer only if it is strictly better than that last one.
        EliteSet e = new EliteSet(3);
        e.offer(t("x1"), 0.5);
        e.offer(t("x2"), 0.5);
        e.offer(t("sin,x1"), 0.5);
        assertArrayEquals(t("sin,x1"), e.programs()[0]);
        assertArrayEquals(t("x2"), e.programs()[1]);
        assertArrayEquals(t("x1"), e.programs()[2]);
        e.offer(t("cos,x1"), 0.5);          // not strictly better than the worst: ignored
        assertEquals(3, e.size());
        assertArrayEquals(t("x1"), e.programs()[2]);
        e.offer(t("cos,x2"), 0.6);          // better: x1, the oldest 0.5, is dropped
        assertArrayEquals(t("cos,x2"), e.programs()[0]);
        assertArrayEquals(t("sin,x1"), e.programs()[1]);
        assertArrayEquals(t("x2"), e.programs()[2]);
    }

    private GpMeld meld(PriorEnvironment env, Map<String, Object> keys, long seed) {
        Params p = new Params("gp_meld", (ConfigNode.MapNode) ConfigNode.of(keys, new Location("test.yaml", 1, 1)));
        return (GpMeld) new GpMeldFactory().create(new io.dsr4j.api.augment.AugmenterContext(env, GpOperators.factories(), seed), p);
    }

    @Test
    void gpMeldReturnsItsBestDistinctValidProgramsAsSampledRows() {
        PriorEnvironment env = env(map("length", map("min_", 2, "max_", 12), "trig", map()));
        int[][] batch = {t("add,x1,sin,x2"), t("mul,sin,x1,x2"), t("add,mul,x1,x2,cos,x1"), t("sin,add,x1,x2"),
                t("mul,x1,x2"), t("add,x2,x2")};
        double[] rewards = new Shortest().rewards(batch);
        Shortest ev = new Shortest();
        BatchAugmenter.Result r = meld(env, map("population_size", 4, "generations", 5, "train_n", 3), 9)
                .augment(batch, rewards, 0, ev);
        assertEquals(4 * 5, r.evaluations());
        assertEquals(20, ev.scored);
        assertTrue(r.programs().length > 0 && r.programs().length <= 3);
        Set<String> distinct = new HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        boolean[] bad = env.violations(r.programs());
        SequenceBatch rows = r.sequences();
        assertEquals(r.programs().length, rows.size());
        for (int i = 0; i < r.programs().length; i++) {
            int[] p = r.programs()[i];
            assertFalse(bad[i]);
            assertTrue(distinct.add(Arrays.toString(p)));
            double reward = 1.0 / p.length;
            assertTrue(reward <= previous, "best first");
            previous = reward;
            assertArrayEquals(p, rows.tokens(i));
            for (int k = 0; k < p.length; k++) assertTrue(rows.prior(i, k, p[k]) != Float.NEGATIVE_INFINITY);
        }
        // replayed rows carry what sampling records: e.g. position 1 of a binary root has it as parent
        for (int i = 0; i < rows.size(); i++) {
            if (lib.arity(rows.action(i, 0)) == 2) {
                assertEquals(rows.action(i, 0), rows.parent(i, 1));
                assertEquals(-1, rows.sibling(i, 1));
                assertEquals(2, rows.dangling(i, 1));
            }
        }
    }

    @Test
    void gpMeldIsDeterministicPerIteration() {
        PriorEnvironment env = env(map("length", map("min_", 2, "max_", 12)));
        List<int[]> batch = new ArrayList<>();
        Rng rng = new Rng(5);
        for (int i = 0; i < 30; i++) batch.add(Trees.full(lib, 2, rng));
        int[][] programs = batch.stream().filter(p -> !env.violations(new int[][]{p})[0]).toArray(int[][]::new);
        double[] rewards = new Shortest().rewards(programs);
        Map<String, Object> keys = map("population_size", 10, "generations", 4, "train_n", 5);
        BatchAugmenter.Result a = meld(env, keys, 1).augment(programs, rewards, 3, new Shortest());
        BatchAugmenter.Result b = meld(env, keys, 1).augment(programs, rewards, 3, new Shortest());
        assertArrayEquals(a.programs(), b.programs());
        assertArrayEquals(a.sequences().priorArray(), b.sequences().priorArray());
        BatchAugmenter.Result c = meld(env, keys, 1).augment(programs, rewards, 4, new Shortest());
        BatchAugmenter.Result d = meld(env, keys, 2).augment(programs, rewards, 3, new Shortest());
        assertTrue(!Arrays.deepEquals(a.programs(), c.programs()) || !Arrays.deepEquals(a.programs(), d.programs()),
                "iteration and seed change the run");
    }

    @Test
    void badGpMeldKeysAreClearErrors() {
        PriorEnvironment env = env(map());
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.dsr4j.api.config.ConfigException.class,
                () -> meld(env, map("crossover", "one_pint"), 1));
        assertTrue(e.getMessage().contains("gp_meld.crossover") && e.getMessage().contains("one_point"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.dsr4j.api.config.ConfigException.class,
                () -> meld(env, map("mutations", List.of("uniform", "one_point")), 1));
        assertTrue(e.getMessage().contains("takes 2 parent"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.dsr4j.api.config.ConfigException.class,
                () -> meld(env, map("p_crossover", 1.5), 1));
        assertTrue(e.getMessage().contains("gp_meld.p_crossover"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.dsr4j.api.config.ConfigException.class,
                () -> meld(env, map("generatoins", 3), 1));
        assertTrue(e.getMessage().contains("generatoins"), e.getMessage());
        assertNotEquals(null, e.getMessage());
    }
}
