package io.dsr4j.examples.sinc;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.estimator.EstimatorContext;
import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.Token;
import io.dsr4j.api.token.TokenKind;
import io.dsr4j.config.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The depth prior and the estimator variant, each a few lines on the API. */
class VariantsTest {

    @Test
    void depthPriorLeavesOnlyTerminalsAtTheLastLevel() {
        Library lib = new Library(List.of(token("x1", 0), token("add", 2), token("sin", 1)));
        Prior prior = new MaxDepthPrior.Factory().create(new PriorContext(lib, null, 30),
                Params.of("prior.max_depth", Map.of("max_depth", 3))).orElseThrow();
        int[][] ancestors = {{0, 1, 1}, {0, 1, 0}, {0, 0, 0}}; // per row: ancestor counts of x1, add, sin
        TreeView view = new TreeView() {
            public Library library() { return lib; }
            public int batchSize() { return 3; }
            public int length(int row) { return 2; }
            public int dangling(int row) { return 1; }
            public int parent(int row) { return 1; }
            public int sibling(int row) { return -1; }
            public int lastAction(int row) { return 1; }
            public boolean finished(int row) { return false; }
            public int count(int row, int token) { return ancestors[row][token]; }
            public int ancestorCount(int row, int token) { return ancestors[row][token]; }
            public int maxLength() { return 30; }
        };
        assertEquals(2, view.depth(0));
        double[] adjust = new double[3 * lib.size()];
        prior.step(view, adjust);
        assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, Arrays.copyOfRange(adjust, 0, 3),
                "depth 2 of 3 levels: leaves only");
        assertArrayEquals(new double[] {0, 0, 0}, Arrays.copyOfRange(adjust, 3, 6), "depth 1: anything");
        ConfigException e = assertThrows(ConfigException.class, () -> new MaxDepthPrior.Factory()
                .create(new PriorContext(lib, null, 30), Params.of("prior.max_depth", Map.of("max_depth", 1))));
        assertTrue(e.getMessage().contains("key 'prior.max_depth.max_depth': value 1 is out of range; allowed: 2 to 64"),
                e.getMessage());
    }

    @Test
    void medianBaselineVariantTrainsTheTopEpsilonAgainstTheirMedian() {
        double[] rewards = {0.1, 0.9, 0.5, 0.7, 0.3, 0.8, 0.2, 0.6, 0.4, 0.0};
        int n = rewards.length;
        SequenceBatch batch = new SequenceBatch(n, 1, 1, new int[n], filled(n, 1), filled(n, -1), filled(n, -1),
                filled(n, 1), new float[n]);
        String[] keys = new String[n];
        Arrays.setAll(keys, i -> "p" + i);
        double[][] coefficients = new double[1][];
        Policy policy = new Policy() {
            public SequenceBatch sample(int count) { throw new UnsupportedOperationException(); }
            public Scores score(SequenceBatch b, double gamma) { throw new UnsupportedOperationException(); }
            public double trainStep(SequenceBatch b, PolicyLoss loss) {
                double[] g = new double[b.size()];
                double value = loss.evaluate(filledD(b.size(), 1), new double[b.size()], g, new double[b.size()]);
                coefficients[0] = g;
                return value;
            }
            public void save(DataOutputStream out) { }
            public void load(DataInputStream in) { }
            public int parameterCount() { return 0; }
        };
        var estimator = new MedianBaselineEstimator.Factory().create(new EstimatorContext(0.0, 0.7, 1, n),
                Params.of("estimator", Map.of("epsilon", 0.3)));
        EstimatorStep step = estimator.update(policy, new TrainingSamples(batch, rewards, keys, 0));
        assertEquals(0.7, step.quantile(), "R_eps of the batch");
        assertArrayEquals(new int[] {1, 3, 5}, step.keptRows(), "rewards 0.9, 0.7, 0.8");
        assertEquals(0.8, step.baseline(), "the median of the kept rewards");
        assertArrayEquals(new double[] {(0.9 - 0.8) / 3, (0.7 - 0.8) / 3, 0}, coefficients[0], 1e-15);
    }

    @Test
    void complexityPenalisedRewardSeesTheProgram() {
        Library lib = new Library(List.of(token("x1", 0), token("add", 2), token("sin", 1)));
        double[] y = {1, 2, 3, 4};
        var metric = new ComplexityPenalisedReward.Factory().create(y, new double[] {0.01});
        assertEquals(1.0, metric.reward(y), "exact fit, program unseen");
        assertEquals(1.0 - 0.01 * 3, metric.reward(y, new io.dsr4j.api.reward.ProgramInfo(new int[] {1, 0, 0}, lib)), 1e-15);
        assertEquals(1.0 - 0.01 * 4, metric.reward(y, new io.dsr4j.api.reward.ProgramInfo(new int[] {1, 0, 2, 0}, lib)), 1e-15,
                "the longer program of the same fit earns less");
    }

    @Test
    void registeredThroughTheServiceFileWithTheirSettings() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), List.of());
        assertTrue(registry.estimators().containsKey(MedianBaselineEstimator.NAME));
        assertTrue(registry.rewards().containsKey(ComplexityPenalisedReward.NAME));
        assertEquals(6L, registry.settingsOf(PluginKind.PRIOR, MaxDepthPrior.NAME).defaults().get("max_depth"));
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double[] filledD(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static Token token(String name, int arity) {
        return new Token() {
            public String name() { return name; }
            public int arity() { return arity; }
            public TokenKind kind() { return arity == 0 ? TokenKind.INPUT : TokenKind.FUNCTION; }
            public double complexity() { return 1; }
            public int inputIndex() { return 0; }
        };
    }
}
