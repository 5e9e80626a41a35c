package io.dsr4j.programs.prior;

import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.token.Library;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.dsr4j.programs.prior.PriorHarness.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract checks shared by every built-in prior, and exact values of the soft priors. */
class BuiltinPriorContractTest {

    private final Library ckoza = TestLibraries.kozaConst(1);

    private PriorSet allPriors() {
        return PriorHarness.build(ckoza, PriorConformanceTest.nguyen1(2), 64, map(
                "length", map("min_", 4, "max_", 12, "on", true),
                "repeat", map("tokens", "const", "max_", 1, "on", true),
                "inverse", map("on", true), "trig", map("on", true), "const", map("on", true),
                "no_inputs", map("on", true), "uniform_arity", map("on", true),
                "soft_length", map("loc", 5, "scale", 2, "on", true),
                "relational", List.of(
                        map("targets", "sin", "effectors", "exp", "relationship", "child", "on", true),
                        map("targets", "cos", "effectors", "log", "relationship", "descendant", "on", true),
                        map("targets", "exp", "effectors", "x1", "relationship", "sibling", "on", true),
                        map("targets", "x1", "effectors", "sub", "relationship", "uchild", "on", true),
                        map("targets", "const", "effectors", "div", "relationship", "lchild", "on", true),
                        map("targets", "const", "effectors", "mul", "relationship", "rchild", "on", true)),
                "domain_range", map("on", true)));
    }

    @Test
    void everyBuiltinIsBuiltAndLeavesFinishedRowsUntouched() {
        PriorSet set = allPriors();
        assertEquals(15, set.entries().size());
        TreeState s = new TreeState(ckoza, 12);
        s.reset(4);
        int add = ckoza.indexOf("add"), x1 = ckoza.indexOf("x1"), sin = ckoza.indexOf("sin"), c = ckoza.indexOf("const");
        s.advance(new int[]{sin, add, add, add});
        s.advance(new int[]{x1, x1, c, sin});       // row 0 finishes
        s.advance(new int[]{0, x1, sin, x1});       // row 1 finishes
        int stride = ckoza.size();
        for (PriorSet.Entry e : set.entries()) {
            double[] adj = new double[4 * stride];
            Arrays.fill(adj, 12345.0); // sentinel: both assignment and addition would change it
            for (int i = 2 * stride; i < 4 * stride; i++) adj[i] = 0;
            e.prior().step(s, adj);
            for (int i = 0; i < 2 * stride; i++) assertEquals(12345.0, adj[i], e.name() + " touched a finished row");
            for (int i = 2 * stride; i < 4 * stride; i++) {
                assertTrue(adj[i] <= 0, e.name() + " adds a positive value");
                if (e.prior().isHard()) assertTrue(adj[i] == 0 || adj[i] == Double.NEGATIVE_INFINITY, e.name());
                else assertTrue(Double.isFinite(adj[i]), e.name());
            }
        }
    }

    @Test
    void softLengthAndUniformArityValues() {
        Library koza = TestLibraries.koza(1);
        PriorEnvironment env = PriorHarness.env(koza, map("soft_length", map("loc", 3, "scale", 2, "on", true)));
        // After "sin" (t = 1 < loc, dangling 1): terminals get -(1-3)^2/(2*2) = -1, nothing else.
        ConstraintReplay.Result r = ConstraintReplay.replay(env, PriorHarness.tokens(koza, "sin,x1"));
        assertEquals(0.0, r.steps().get(0).prior());
        assertEquals(-1.0, r.steps().get(1).prior(), 1e-12);
        // After "add" (dangling 2) terminals are not penalised.
        assertEquals(0.0, ConstraintReplay.replay(env, PriorHarness.tokens(koza, "add,x1")).steps().get(1).prior());
        // From t = loc on, non-terminals get the penalty: t = 3 -> 0, t = 4 -> -0.25; terminals nothing.
        r = ConstraintReplay.replay(env, PriorHarness.tokens(koza, "sin,sin,sin,sin,exp,x1"));
        assertEquals(0.0, r.steps().get(3).prior(), 1e-12);
        assertEquals(-0.25, r.steps().get(4).prior(), 1e-12);
        assertEquals(0.0, r.steps().get(5).prior(), 1e-12);

        PriorEnvironment ua = PriorHarness.env(ckoza, map("uniform_arity", map("on", true)));
        double[] init = ua.initialPrior();
        assertEquals(-Math.log(2), init[ckoza.indexOf("const")], 1e-12);
        assertEquals(-Math.log(4), init[ckoza.indexOf("sin")], 1e-12);
        assertEquals(-Math.log(4), init[ckoza.indexOf("div")], 1e-12);
        Prior p = ua.priors().get(0).prior();
        assertTrue(!p.isHard());
    }
}
