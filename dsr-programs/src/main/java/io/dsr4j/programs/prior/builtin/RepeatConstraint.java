package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;

import java.util.Optional;

/**
 * {@code repeat {tokens, min_, max_}} (reference RepeatConstraint, hard): once the given tokens (combined) occur
 * {@code max_} times in the row, all of them are forbidden. {@code min_} is not supported (the reference asserts
 * it is null). Unlike the reference, {@code max_: 0} also applies at position 0.
 */
public final class RepeatConstraint extends HardConstraint {

    private final Library library;
    private final int[] tokens;
    private final int max;

    public RepeatConstraint(Library library, int[] tokens, int max) {
        super("repeat");
        this.library = library;
        this.tokens = tokens.clone();
        this.max = max;
    }

    /** Factory body: reads {@code tokens}, {@code min_} (must be null) and {@code max_}. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        Integer min = p.getIntOrNull("min_", null);
        if (min != null) {
            throw TokenRefs.error(p, "min_", "a minimum count is not supported (as in the reference); set min_: null");
        }
        Integer max = p.getIntOrNull("max_", null);
        if (max == null) throw TokenRefs.error(p, "max_", "required: the maximum number of occurrences (0 or more)");
        if (max < 0) throw TokenRefs.error(p, "max_", "value " + max + " is negative; allowed: 0 or more");
        return TokenRefs.resolve(p, "tokens", context.library(), "repeat")
                .map(t -> new RepeatConstraint(context.library(), t, max));
    }

    @Override
    public void initial(double[] adjust) {
        if (max == 0) forbid(adjust, 0, tokens);
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int n = view.batchSize();
        int stride = view.library().size();
        int[] tok = tokens;
        for (int row = 0; row < n; row++) {
            if (view.finished(row)) continue;
            int c = 0;
            for (int t : tok) c += view.count(row, t);
            if (c >= max) forbid(adjust, row * stride, tok);
        }
    }

    @Override
    public String describe() {
        return TokenRefs.names(library, tokens) + " occur at most " + max + " times in total";
    }
}
