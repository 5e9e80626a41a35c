package io.dsr4j.programs.gp;

import io.dsr4j.api.gp.GpOperator;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.programs.prior.ConstraintReplay;
import io.dsr4j.programs.prior.TestLibraries;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each operator against hand-worked cases. The random draws are fixed by picking a seed whose first draws are the
 * ones the case needs ({@link #rngDrawing}); the expected trees are worked out by hand from those draws.
 * Library: x1=0, x2=1, add=2, mul=3, sin=4, cos=5, const=6; terminals x1, x2, const; operators add, mul, sin, cos.
 */
class GpOperatorsTest {

    private final Library lib = TestLibraries.of(2, "add", "mul", "sin", "cos", "const");

    private int[] t(String csv) {
        return ConstraintReplay.parse(lib, csv);
    }

    /** A generator whose first {@code nextInt(bounds[k])} draws are {@code draws[k]}. */
    static Rng rngDrawing(int[] bounds, int[] draws) {
        for (long seed = 0; seed < 50_000_000L; seed++) {
            Rng r = new Rng(seed);
            boolean ok = true;
            for (int k = 0; k < bounds.length && ok; k++) ok = r.nextInt(bounds[k]) == draws[k];
            if (ok) return new Rng(seed);
        }
        throw new AssertionError("no seed draws " + Arrays.toString(draws));
    }

    private static int[][] one(int[] tree) {
        return new int[][]{tree};
    }

    @Test
    void treeHelpers() {
        assertEquals(4, Trees.subtreeEnd(t("add,x1,sin,x2"), 0, lib) - 0);
        assertEquals(4, Trees.subtreeEnd(t("add,x1,sin,x2"), 2, lib));
        assertEquals(2, Trees.subtreeEnd(t("add,x1,sin,x2"), 1, lib));
        assertEquals(0, Trees.height(t("x1"), lib));
        assertEquals(2, Trees.height(t("add,x1,sin,x2"), lib));
        assertEquals(3, Trees.height(t("add,x1,mul,sin,x2,x1"), lib));
    }

    @Test
    void onePointCrossoverSwapsTheDrawnSubtrees() {
        GpOperator cx = new OnePointCrossover(lib);
        // draws: node 1+1 = 2 (sin,x2) in a, node 1+1 = 2 (cos,x1) in b
        int[][] kids = cx.apply(new int[][]{t("add,x1,sin,x2"), t("mul,x2,cos,x1")}, rngDrawing(new int[]{3, 3}, new int[]{1, 1}));
        assertArrayEquals(t("add,x1,cos,x1"), kids[0]);
        assertArrayEquals(t("mul,x2,sin,x2"), kids[1]);
        // draws: node 1 (x1) in a, node 2 (cos,x1) in b
        kids = cx.apply(new int[][]{t("add,x1,sin,x2"), t("mul,x2,cos,x1")}, rngDrawing(new int[]{3, 3}, new int[]{0, 1}));
        assertArrayEquals(t("add,cos,x1,sin,x2"), kids[0]);
        assertArrayEquals(t("mul,x2,x1"), kids[1]);
    }

    @Test
    void crossoverLeavesASingleNodeParentAlone() {
        int[] a = t("x1"), b = t("mul,x2,cos,x1");
        int[][] kids = new OnePointCrossover(lib).apply(new int[][]{a, b}, new Rng(1));
        assertArrayEquals(a, kids[0]);
        assertArrayEquals(b, kids[1]);
    }

    @Test
    void uniformMutationReplacesTheDrawnSubtreeByAFullTree() {
        GpOperator m = new UniformMutation(lib, 3);
        // node 2 (sin,x2); height 1; operator mul; terminals const, x1
        int[] child = m.apply(one(t("add,x1,sin,x2")), rngDrawing(new int[]{4, 4, 4, 3, 3}, new int[]{2, 1, 1, 2, 0}))[0];
        assertArrayEquals(t("add,x1,mul,const,x1"), child);
        // the root; height 0; terminal x2
        child = m.apply(one(t("add,x1,sin,x2")), rngDrawing(new int[]{4, 4, 3}, new int[]{0, 0, 1}))[0];
        assertArrayEquals(t("x2"), child);
    }

    @Test
    void fullTreesHaveEveryLeafAtTheDrawnHeight() {
        Rng rng = new Rng(3);
        for (int i = 0; i < 200; i++) {
            int[] tree = Trees.full(lib, 3, rng);
            int h = Trees.height(tree, lib);
            assertTrue(h >= 0 && h <= 3);
            // full: a terminal only at the last level, so the size is fixed by the arities along the way
            int[] depth = new int[tree.length];
            int[] stack = new int[tree.length + 1];
            int sp = 0;
            for (int k = 0; k < tree.length; k++) {
                int d = k == 0 ? 0 : stack[--sp];
                depth[k] = d;
                for (int a = 0; a < lib.arity(tree[k]); a++) stack[sp++] = d + 1;
                if (lib.arity(tree[k]) == 0) assertEquals(h, d, "leaf above the last level in " + Arrays.toString(tree));
            }
        }
    }

    @Test
    void nodeReplacementKeepsTheArity() {
        GpOperator m = new NodeReplacementMutation(lib);
        // node 1+1 = 2 (sin) -> unary #1 = cos
        assertArrayEquals(t("add,x1,cos,x2"), m.apply(one(t("add,x1,sin,x2")), rngDrawing(new int[]{3, 2}, new int[]{1, 1}))[0]);
        // node 1+2 = 3 (x2) -> terminal #2 = const
        assertArrayEquals(t("add,x1,sin,const"), m.apply(one(t("add,x1,sin,x2")), rngDrawing(new int[]{3, 3}, new int[]{2, 2}))[0]);
        // node 1+0 = 1 (x1) -> terminal #0 = x1 (the same token is allowed, as in DEAP)
        assertArrayEquals(t("add,x1,sin,x2"), m.apply(one(t("add,x1,sin,x2")), rngDrawing(new int[]{3, 3}, new int[]{0, 0}))[0]);
        assertArrayEquals(t("x1"), m.apply(one(t("x1")), new Rng(0))[0], "single node unchanged");
    }

    @Test
    void insertPutsANewOperatorAboveTheDrawnNode() {
        GpOperator m = new InsertMutation(lib);
        // node 1 (x2); operator add; old subtree as argument 1; argument 0 terminal x1
        assertArrayEquals(t("sin,add,x1,x2"), m.apply(one(t("sin,x2")), rngDrawing(new int[]{2, 4, 2, 3}, new int[]{1, 0, 1, 0}))[0]);
        // the root; operator mul; old tree as argument 0; argument 1 terminal const
        assertArrayEquals(t("mul,sin,x2,const"), m.apply(one(t("sin,x2")), rngDrawing(new int[]{2, 4, 2, 3}, new int[]{0, 1, 0, 2}))[0]);
        // the root; operator sin (one argument: the old tree)
        assertArrayEquals(t("sin,sin,x2"), m.apply(one(t("sin,x2")), rngDrawing(new int[]{2, 4, 1}, new int[]{0, 2, 0}))[0]);
    }

    @Test
    void shrinkReplacesAnOperatorByOneOfItsArguments() {
        GpOperator m = new ShrinkMutation(lib);
        int[] tree = t("add,x1,mul,sin,x2,x1");
        // operators below the root: mul (2), sin (3); mul, argument 1 -> x1
        assertArrayEquals(t("add,x1,x1"), m.apply(one(tree), rngDrawing(new int[]{2, 2}, new int[]{0, 1}))[0]);
        // mul, argument 0 -> sin,x2
        assertArrayEquals(t("add,x1,sin,x2"), m.apply(one(tree), rngDrawing(new int[]{2, 2}, new int[]{0, 0}))[0]);
        // sin, argument 0 -> x2
        assertArrayEquals(t("add,x1,mul,x2,x1"), m.apply(one(tree), rngDrawing(new int[]{2, 1}, new int[]{1, 0}))[0]);
        // height 1 and fewer than 3 nodes: unchanged
        assertArrayEquals(t("add,x1,x2"), m.apply(one(t("add,x1,x2")), new Rng(0))[0]);
        assertArrayEquals(t("sin,x1"), m.apply(one(t("sin,x1")), new Rng(0))[0]);
    }

    @Test
    void operatorsNeverModifyTheirInputsAndAlwaysReturnCompletePrograms() {
        GpOperator[] ops = {new OnePointCrossover(lib), new UniformMutation(lib, 3), new NodeReplacementMutation(lib),
                new InsertMutation(lib), new ShrinkMutation(lib)};
        Rng rng = new Rng(42);
        int[][] pool = {t("add,x1,sin,x2"), t("mul,x2,cos,x1"), t("x1"), t("add,x1,mul,sin,x2,x1"), t("sin,const")};
        for (int i = 0; i < 2000; i++) {
            GpOperator op = ops[i % ops.length];
            int[][] in = op.parents() == 2 ? new int[][]{pool[rng.nextInt(pool.length)], pool[rng.nextInt(pool.length)]}
                    : one(pool[rng.nextInt(pool.length)]);
            int[][] copy = Arrays.stream(in).map(int[]::clone).toArray(int[][]::new);
            int[][] out = op.apply(in, rng);
            assertEquals(in.length, out.length);
            for (int k = 0; k < in.length; k++) assertArrayEquals(copy[k], in[k], "input modified");
            for (int[] o : out) assertTrue(io.dsr4j.programs.eval.Programs.isComplete(o, lib), Arrays.toString(o));
        }
    }
}
