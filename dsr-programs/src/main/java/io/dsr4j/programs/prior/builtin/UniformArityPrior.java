package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;

import java.util.Optional;

/**
 * {@code uniform_arity} (reference UniformArityPrior, soft): at every position, including the first, adds
 * {@code -ln(n_a)} to each token of arity a, where n_a is the number of tokens of that arity, so a uniform policy
 * becomes uniform over arities.
 */
public final class UniformArityPrior implements Prior {

    private final double[] logitAdjust;

    public UniformArityPrior(Library library) {
        int n = library.size();
        int[] perArity = new int[3];
        for (int i = 0; i < n; i++) perArity[library.arity(i)]++;
        logitAdjust = new double[n];
        for (int i = 0; i < n; i++) logitAdjust[i] = -Math.log(perArity[library.arity(i)]);
    }

    /** Factory body: no keys. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        return Optional.of(new UniformArityPrior(context.library()));
    }

    @Override public String name() { return "uniform_arity"; }

    @Override public boolean isHard() { return false; }

    @Override
    public void initial(double[] adjust) {
        for (int i = 0; i < logitAdjust.length; i++) adjust[i] += logitAdjust[i];
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        double[] a = logitAdjust;
        int stride = a.length;
        for (int q = 0; q < n; q++) {
            int row = rows[q];
            int offset = row * stride;
            for (int i = 0; i < stride; i++) adjust[offset + i] += a[i];
        }
    }

    @Override
    public String toString() { return "uniform over arities"; }
}
