package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code inverse} (reference InverseUnaryConstraint, hard): a token cannot be the child of its inverse (exp not
 * under log, log not under exp, inv not under inv, neg not under neg, sqrt not under n2, n2 not under sqrt). The
 * pairs come from the tokens' facts ({@link Library#inverseOf(int)}).
 */
public final class InverseConstraint extends HardConstraint {

    private static final Logger LOG = LoggerFactory.getLogger(InverseConstraint.class);
    private static final int[] NONE = new int[0];

    private final Library library;
    /** forbiddenUnder[p]: the tokens that cannot be a child of p. */
    private final int[][] forbiddenUnder;

    private InverseConstraint(Library library, int[][] forbiddenUnder) {
        super("inverse");
        this.library = library;
        this.forbiddenUnder = forbiddenUnder;
    }

    /** The constraint, or empty when the library has no inverse pair. */
    public static Optional<InverseConstraint> of(Library library) {
        int n = library.size();
        List<List<Integer>> under = new ArrayList<>();
        for (int i = 0; i < n; i++) under.add(new ArrayList<>());
        boolean any = false;
        for (int k = 0; k < n; k++) {
            int v = library.inverseOf(k);
            if (v >= 0 && library.arity(v) > 0) {
                under.get(v).add(k);
                any = true;
            }
        }
        if (!any) return Optional.empty();
        int[][] f = new int[n][];
        for (int p = 0; p < n; p++) {
            f[p] = under.get(p).isEmpty() ? NONE : under.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        return Optional.of(new InverseConstraint(library, f));
    }

    /** Factory body: no keys. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        Optional<InverseConstraint> c = of(context.library());
        if (c.isEmpty()) {
            LOG.debug("prior 'inverse' skipped: the library {} has no pair of mutually inverse tokens", context.library().names());
        }
        return c.map(x -> x);
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            int parent = view.parent(row);
            if (parent >= 0) forbid(adjust, row * stride, forbiddenUnder[parent]);
        }
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("no token is a child of its inverse:");
        for (int p = 0; p < forbiddenUnder.length; p++) {
            for (int k : forbiddenUnder[p]) sb.append(' ').append(library.name(k)).append(" under ").append(library.name(p)).append(';');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
