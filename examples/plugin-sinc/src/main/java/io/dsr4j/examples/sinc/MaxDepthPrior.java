package io.dsr4j.examples.sinc;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;

import java.util.Optional;

/**
 * Hard prior {@code max_depth}: expression trees have at most {@code max_depth} levels (the root is level 1), so
 * at the last level only terminals may be chosen. A typed setting with a default and a range, checked by
 * {@code ./dsr config}.
 */
public final class MaxDepthPrior implements Prior {

    public static final String NAME = "max_depth";

    static final Setting<Integer> MAX_DEPTH = Setting.integer("max_depth", 6).range(2, 64)
            .doc("levels of the expression tree, the root included");

    private final int maxDepth;
    private final int[] operators;
    private final int librarySize;

    MaxDepthPrior(int maxDepth, int[] operators, int librarySize) {
        this.maxDepth = maxDepth;
        this.operators = operators;
        this.librarySize = librarySize;
    }

    public static final class Factory implements PriorFactory {
        @Override
        public Settings settings() { return Settings.of(MAX_DEPTH); }

        @Override
        public Optional<Prior> create(PriorContext context, Params params) {
            var lib = context.library();
            int[] ops = java.util.stream.IntStream.range(0, lib.size()).filter(t -> lib.arity(t) > 0).toArray();
            return Optional.of(new MaxDepthPrior(MAX_DEPTH.read(params), ops, lib.size()));
        }

        @Override
        public String description() { return "expression trees have at most max_depth levels"; }
    }

    @Override
    public String name() { return NAME; }

    @Override
    public boolean isHard() { return true; }

    @Override
    public void initial(double[] adjust) { }

    @Override
    public void step(TreeView view, double[] adjust) {
        for (int row = 0, n = view.batchSize(); row < n; row++) {
            if (view.finished(row) || view.depth(row) < maxDepth - 1) continue;
            for (int t : operators) adjust[row * librarySize + t] = Double.NEGATIVE_INFINITY; // last level: leaves
        }
    }

    @Override
    public String toString() { return "at most " + maxDepth + " levels"; }
}
