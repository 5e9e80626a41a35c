package io.dsr4j.examples.sinc;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.settings.Settings;

import java.util.Optional;

/**
 * Hard prior: sinc never appears inside another sinc (sinc(x + sinc(x)) is forbidden), like DSO's trig constraint.
 * It reads the incrementally maintained {@link TreeView} (no rescanning of the sequences) and allocates nothing.
 */
public final class NoNestedSincPrior implements Prior {

    public static final String NAME = "no_nested_sinc";

    private final int sinc;
    private final int librarySize;

    NoNestedSincPrior(int sincIndex, int librarySize) {
        this.sinc = sincIndex;
        this.librarySize = librarySize;
    }

    /** Plugin kind "prior": {@code prior: {no_nested_sinc: {on: true}}}; the prior takes no other keys. */
    public static final class Factory implements PriorFactory {
        @Override
        public Optional<Prior> create(PriorContext context, Params params) {
            int index = context.library().indexOf(SincToken.NAME);
            // Nothing to constrain without sinc in the library: tell the framework to drop the prior.
            if (index < 0) return Optional.empty();
            return Optional.of(new NoNestedSincPrior(index, context.library().size()));
        }

        /** No keys: any key in {@code prior.no_nested_sinc} besides {@code on} is an error, found by ./dsr config. */
        @Override
        public Settings settings() { return Settings.NONE; }

        @Override
        public String description() { return "sinc is never a descendant of sinc"; }
    }

    @Override
    public String name() { return NAME; }

    @Override
    public boolean isHard() { return true; }

    @Override
    public void initial(double[] adjust) {
        // The root may be sinc.
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        for (int row = 0, n = view.batchSize(); row < n; row++) {
            if (!view.finished(row) && view.ancestorCount(row, sinc) > 0) {
                adjust[row * librarySize + sinc] = Double.NEGATIVE_INFINITY;
            }
        }
    }
}
