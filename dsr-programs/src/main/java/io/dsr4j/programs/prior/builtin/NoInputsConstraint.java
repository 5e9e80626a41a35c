package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * {@code no_inputs} (reference NoInputsConstraint, hard): when the next token would complete the expression
 * ({@code dangling == 1}) and no input variable has been chosen yet, forbid the float tokens (hard-coded
 * constants and {@code const}). The reference does not apply it at position 0, so with {@code length} off a
 * lone {@code const} could be sampled; dsr4j applies the same rule there.
 */
public final class NoInputsConstraint extends HardConstraint {

    private static final Logger LOG = LoggerFactory.getLogger(NoInputsConstraint.class);

    private final Library library;
    private final int[] inputs;
    private final int[] floats;

    public NoInputsConstraint(Library library) {
        super("no_inputs");
        this.library = library;
        this.inputs = library.inputTokens();
        this.floats = library.floatTokens();
    }

    /** Factory body: no keys; empty when every terminal is an input. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        if (context.library().floatTokens().length == 0) {
            LOG.debug("prior 'no_inputs' skipped: every terminal of {} is an input variable", context.library().names());
            return Optional.empty();
        }
        return Optional.of(new NoInputsConstraint(context.library()));
    }

    @Override
    public void initial(double[] adjust) {
        forbid(adjust, 0, floats);
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        int[] in = inputs;
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            if (view.dangling(row) != 1) continue;
            boolean hasInput = false;
            for (int x : in) {
                if (view.count(row, x) > 0) {
                    hasInput = true;
                    break;
                }
            }
            if (!hasInput) forbid(adjust, row * stride, floats);
        }
    }

    @Override
    public String describe() {
        return "every program contains an input variable (" + TokenRefs.names(library, floats) + " cannot end one without)";
    }
}
