package io.dsr4j.programs.prior;

import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.dsr4j.programs.prior.PriorHarness.assertInvalid;
import static io.dsr4j.programs.prior.PriorHarness.assertValid;
import static io.dsr4j.programs.prior.PriorHarness.env;
import static io.dsr4j.programs.prior.PriorHarness.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cases of the reference's dso/test/test_prior.py (§10), stepped through an episode like sampling. */
class PriorConformanceTest {

    private final Library koza = TestLibraries.koza(1);
    private final Library ckoza = TestLibraries.kozaConst(1);

    private static List<int[]> seqs(Library lib, String... csv) {
        return Arrays.stream(csv).map(s -> PriorHarness.tokens(lib, s)).toList();
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static int[] rep(int token, int n) {
        int[] a = new int[n];
        Arrays.fill(a, token);
        return a;
    }

    @Test
    void repeat() {
        PriorEnvironment env = env(koza, map("repeat", map("tokens", List.of("sin", "cos"), "min_", null, "max_", 2, "on", true)));
        assertInvalid(env, "sin,sin,sin", "cos,cos,cos", "sin,cos,sin", "mul,sin,mul,sin,mul,sin", "mul,sin,x1,sin,mul,cos");
        assertValid(env, "mul,sin,sin,log,log", "sin,mul,exp,mul,exp,mul,exp,mul,exp,cos");
    }

    @Test
    void repeatAcceptsCommaString() {
        PriorEnvironment env = env(koza, map("repeat", map("tokens", "sin, cos", "max_", 2, "on", true)));
        assertInvalid(env, "sin,cos,sin");
    }

    @Test
    void noInputs() {
        PriorEnvironment env = env(ckoza, map("no_inputs", map("on", true)));
        assertInvalid(env, "sin,const", "mul,const,const", "log,exp,const");
        assertValid(env, "sin,sin,sin,sin,sin,sin,sin,sin,sin,sin", "mul,mul,mul,mul,mul", "mul,const", "mul,const,x1", "mul,x1,x1");
    }

    @Test
    void noInputsAlsoAtPositionZero() {
        // Deliberate fix: the reference leaves a lone 'const' allowed when length is off.
        PriorEnvironment env = env(ckoza, map("no_inputs", map("on", true)));
        assertInvalid(env, "const");
    }

    @Test
    void descendant() {
        PriorEnvironment env = env(koza, map("relational",
                map("targets", "add,mul", "effectors", "exp,log", "relationship", "descendant", "on", true)));
        int[] descendants = PriorHarness.tokens(koza, "add,mul");
        int[] ancestors = PriorHarness.tokens(koza, "exp,log");
        int u = koza.indexOf("sin"); // first unary that is neither
        int b = koza.indexOf("sub"); // first binary that is neither
        List<int[]> invalid = new ArrayList<>();
        List<int[]> valid = new ArrayList<>();
        for (int a : ancestors) {
            for (int d : descendants) {
                invalid.add(new int[]{a, d});
                invalid.add(concat(rep(a, 10), new int[]{d}));
                int[] ub = new int[10];
                for (int i = 0; i < 5; i++) {
                    ub[2 * i] = u;
                    ub[2 * i + 1] = b;
                }
                invalid.add(concat(new int[]{a}, ub, new int[]{d}));
                valid.add(new int[]{u, d});
                valid.add(concat(new int[]{d}, rep(u, 10), new int[]{a}));
            }
        }
        assertInvalid(env, invalid);
        assertValid(env, valid);
    }

    @Test
    void descendantWithBinaryEffectorIsExact() {
        // The reference's ancestor kernel supports unary effectors only; dsr4j tracks the open operators exactly.
        PriorEnvironment env = env(koza, map("relational",
                map("targets", "sin", "effectors", "mul", "relationship", "descendant", "on", true)));
        assertInvalid(env, "mul,x1,sin", "mul,add,x1,x1,exp,sin");
        assertValid(env, "add,mul,x1,x1,sin,x1");
    }

    @Test
    void trig() {
        PriorEnvironment env = env(koza, map("trig", map("on", true)));
        int x = koza.indexOf("x1");
        int u = koza.indexOf("exp"); // first non-trig unary
        int b = koza.indexOf("add");
        int[] trig = koza.trigTokens();
        assertEquals(2, trig.length);
        List<int[]> invalid = new ArrayList<>();
        List<int[]> valid = new ArrayList<>();
        for (int t1 : trig) {
            for (int t2 : trig) {
                invalid.add(new int[]{t1, t2, x});
                invalid.add(new int[]{t1, b, x, t2, x});
                invalid.add(concat(new int[]{t1}, rep(u, 10), new int[]{t2, x}));
                valid.add(new int[]{b, u, t1, x, t2, x});
                valid.add(new int[]{b, t1, x, t2, x});
                valid.add(new int[]{u, b, t1, x, t2, x});
            }
        }
        assertInvalid(env, invalid);
        assertValid(env, valid);
        assertInvalid(env, "sin,cos,x1", "sin,add,x1,cos,x1");
        assertValid(env, "add,sin,x1,cos,x1");
    }

    @Test
    void child() {
        PriorEnvironment env = env(koza, map("relational",
                map("targets", "exp,log,sin", "effectors", "log,exp,mul", "relationship", "child", "on", true)));
        int x = koza.indexOf("x1");
        int[] parents = PriorHarness.tokens(koza, "log,exp,mul");
        int[] children = PriorHarness.tokens(koza, "exp,log,sin");
        List<int[]> invalid = new ArrayList<>();
        for (int i = 0; i < parents.length; i++) {
            int arity = koza.arity(parents[i]);
            for (int k = 0; k < arity; k++) {
                invalid.add(concat(new int[]{parents[i]}, rep(x, k), new int[]{children[i]}, rep(x, arity - k - 1)));
            }
        }
        assertEquals(4, invalid.size());
        assertInvalid(env, invalid);
        assertValid(env, "sin,exp,x1", "add,log,x1,exp,x1");
    }

    @Test
    void uchild() {
        PriorEnvironment env = env(koza, map("relational",
                map("targets", "x1", "effectors", "sub,div", "relationship", "uchild", "on", true)));
        assertValid(env, "mul,x1,x1", "sub,x1,sub,x1,sub,x1,sin,x1", "sub,sub,sub,x1,sin,x1,x1", "sub,sin,x1,sin,x1");
        assertInvalid(env, "add,sub,x1,x1,sin,x1", "sin,sub,x1,x1", "sub,sub,sub,x1,x1,x1");
    }

    @Test
    void constConstraint() {
        PriorEnvironment env = env(ckoza, map("const", map("on", true)));
        assertValid(env, "mul,const,x1", "sub,const,sub,const,x1");
        assertInvalid(env, "sin,const", "mul,const,const", "sin,add,const,const");
    }

    @Test
    void sibling() {
        PriorEnvironment env = env(koza, map("relational",
                map("targets", "sin,cos", "effectors", "x1", "relationship", "sibling", "on", true)));
        assertValid(env, "mul,sin,x1,cos,x1", "sin,cos,x1", "add,add,sin,mul,x1,x1,cos,x1,x1");
        assertInvalid(env, "add,x1,sin,x1", "add,sin,x1,x1", "add,add,sin,mul,x1,x1,x1,sin,x1");
    }

    @Test
    void inverseAllPairsBothOrders() {
        Library lib = TestLibraries.inverses(1);
        PriorEnvironment env = env(lib, map("inverse", map("on", true)));
        assertValid(env, "exp,sin,log,cos,exp,x1", "mul,sin,log,x1,exp,cos,x1");
        assertInvalid(env, "mul,sin,x1,exp,log,x1");
        List<int[]> invalid = new ArrayList<>();
        int pairs = 0;
        for (int k = 0; k < lib.size(); k++) {
            int v = lib.inverseOf(k);
            if (v < 0) continue;
            pairs++;
            invalid.add(new int[]{k, v});
            invalid.add(new int[]{v, k});
        }
        assertEquals(6, pairs, "inv, neg, exp, log, sqrt, n2");
        assertInvalid(env, invalid);
        assertInvalid(env, "exp,log", "log,exp", "inv,inv", "neg,neg", "sqrt,n2", "n2,sqrt");
    }

    /** Reference make_sequence: B^((L-1)/2) U^(L even) X^(#B+1), cut to the max length. */
    private static int[] makeSequence(Library lib, int length, int maxLength) {
        int x = lib.inputTokens()[0], u = lib.unaryTokens()[0], b = lib.binaryTokens()[0];
        int numB = (length - 1) / 2;
        int numU = length % 2 == 0 ? 1 : 0;
        int[] s = concat(rep(b, numB), rep(u, numU), rep(x, numB + 1));
        assertEquals(length, s.length);
        return Arrays.copyOf(s, Math.min(s.length, maxLength));
    }

    @ParameterizedTest(name = "min {0}, max {1}")
    @CsvSource(value = {"10,10", "4,30", "null,10", "10,null"}, nullValues = "null")
    void length(Integer min, Integer max) {
        PriorSet set = PriorHarness.build(koza, null, 64, map("length", map("min_", min, "max_", max, "on", true)));
        PriorEnvironment env = set.environment();
        int maxLength = env.maxLength();
        assertEquals(max == null ? 64 : max, maxLength, "length max_ overrides the policy's max length");

        PriorEpisode ep = PriorHarness.sample(env, 1000, 42);
        int shortest = Integer.MAX_VALUE, longest = 0;
        for (int r = 0; r < 1000; r++) {
            if (max != null) assertTrue(ep.complete(r), "with max_ every sample completes: " + ep.prefix(r));
            if (!ep.complete(r)) continue;
            shortest = Math.min(shortest, ep.length(r));
            longest = Math.max(longest, ep.length(r));
        }
        if (min != null) assertTrue(shortest >= min, "found length " + shortest + " below min " + min);
        assertTrue(shortest >= 2, "a terminal first token is always forbidden");
        if (max != null) assertTrue(longest <= max, "found length " + longest + " above max " + max);

        List<int[]> valid = new ArrayList<>();
        List<int[]> invalid = new ArrayList<>();
        invalid.add(makeSequence(koza, 1, maxLength));
        if (min != null) {
            if (min > 1) invalid.add(makeSequence(koza, min - 1, maxLength));
            valid.add(makeSequence(koza, min, maxLength));
        }
        if (max != null) {
            invalid.add(makeSequence(koza, max + 1, maxLength));
            valid.add(makeSequence(koza, max, maxLength));
        }
        assertValid(env, valid);
        assertInvalid(env, invalid);
    }

    /** Nguyen-1 training data: 20 points x ~ U(-1, 1), y = x^3 + x^2 + x. */
    static Dataset nguyen1(long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = -1 + 2 * rng.nextDouble();
            y[i] = x[i] * x[i] * x[i] + x[i] * x[i] + x[i];
        }
        return new Dataset("Nguyen-1", new double[][]{x}, y, new double[][]{x}, y, y, null, null);
    }

    @Test
    void domainRange() {
        Dataset data = nguyen1(3);
        double yMin = Arrays.stream(data.yTrain()).min().orElseThrow();
        double yMax = Arrays.stream(data.yTrain()).max().orElseThrow();
        assertTrue(yMin < 0 && yMax > 1 && Arrays.stream(data.xTrain()[0]).min().orElseThrow() < 0, "data precondition");
        PriorEnvironment env = PriorHarness.build(koza, data, 64, map("domain_range", map("on", true))).environment();
        assertInvalid(env, "sin,x1", "cos,x1", "exp,x1", "log,x1");
        assertValid(env, "log,sin,x1", "add,x1,x1", "log,cos,x1");
    }

    @Test
    void domainRangeLastChanceUnaryAvoidsLengthCollision() {
        // log constrains x1 (x has negative values), and x1 is the only terminal: a log at the last position that
        // still admits a unary would leave no allowed token. Sampling must never hit a conflict.
        Dataset data = nguyen1(3);
        PriorEnvironment env = PriorHarness.build(koza, data, 64, map(
                "length", map("min_", 4, "max_", 10, "on", true),
                "domain_range", map("on", true))).environment();
        PriorEpisode ep = PriorHarness.sample(env, 2000, 9);
        for (int r = 0; r < 2000; r++) {
            assertTrue(ep.complete(r) && ep.length(r) <= 10);
            assertTrue(!ep.prefix(r).contains("log,x1"), ep.prefix(r));
        }
        // Position 8 with dangling 1 (= 10 - 8 - 1): log is forbidden there, sin is still allowed.
        assertInvalid(env, "add,add,add,add,x1,x1,x1,x1,log");
        assertValid(env, "add,add,add,add,x1,x1,x1,x1,sin,x1");
    }

    @Test
    void defaultRegressionPriorsSampleWithoutConflicts() {
        PriorEnvironment env = PriorHarness.build(ckoza, nguyen1(1), 64, map(
                "length", map("min_", 4, "max_", 64, "on", true),
                "repeat", map("tokens", "const", "min_", null, "max_", 3, "on", true),
                "inverse", map("on", true),
                "trig", map("on", true),
                "const", map("on", true),
                "no_inputs", map("on", true),
                "uniform_arity", map("on", true),
                "soft_length", map("loc", 10, "scale", 5, "on", true))).environment();
        PriorEpisode ep = PriorHarness.sample(env, 2000, 5);
        int c = ckoza.constToken();
        for (int r = 0; r < 2000; r++) {
            assertTrue(ep.complete(r));
            assertTrue(ep.length(r) >= 4 && ep.length(r) <= 64);
            assertTrue(ep.count(r, c) <= 3);
            boolean hasInput = ep.count(r, ckoza.indexOf("x1")) > 0;
            assertTrue(hasInput, ep.prefix(r));
        }
    }

    /** test_prior.py's poly cases: the poly constraint is added by itself when poly is in the library. */
    @Test
    void poly() {
        List<io.dsr4j.api.token.Token> tokens = new ArrayList<>(TestLibraries.kozaConst(1).tokens());
        tokens.add(io.dsr4j.programs.poly.PolyToken.INSTANCE);
        Library lib = new Library(tokens);
        PriorEnvironment env = env(lib, map());
        assertInvalid(env, "add,exp,poly,poly", "exp,sin,poly", "sin,exp,poly", "add,poly,const", "add,const,poly");
        assertValid(env, "exp,exp,poly", "add,sin,x1,poly", "poly", "add,x1,poly");
    }
}
