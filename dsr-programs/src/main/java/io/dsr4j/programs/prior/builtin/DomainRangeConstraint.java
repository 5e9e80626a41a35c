package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.data.Dataset;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.token.TokenFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code domain_range} (reference DomainRangeConstraint, hard), from the training data and the tokens' facts:
 * <ul>
 *   <li>position 0: forbid tokens whose range does not contain [min y, max y];</li>
 *   <li>every position: forbid input x_i when the parent is a unary whose domain does not contain
 *       [min x_i, max x_i];</li>
 *   <li>last chance for a unary ({@code dangling == maxLength - t - 1}): forbid unaries that would forbid every
 *       input below them, otherwise the length limit could leave no allowed token.</li>
 * </ul>
 * Domains and ranges come from {@link TokenFacts} (the reference hard-codes a small table by name); an open domain
 * bound excludes the bound itself (log of data containing exactly 0 is forbidden; the reference allows it). The
 * last-chance rule uses the max length in force; the reference only wires it when the length prior is on, which
 * differs only without that prior and then merely avoids sequences that would be cut off anyway.
 */
public final class DomainRangeConstraint extends HardConstraint {

    private static final Logger LOG = LoggerFactory.getLogger(DomainRangeConstraint.class);
    private static final int[] NONE = new int[0];

    private final Library library;
    private final int maxLength;
    private final int[] initialForbidden;
    /** inputsForbiddenUnder[p]: inputs that cannot be a child of p. */
    private final int[][] inputsForbiddenUnder;
    private final int[] lastChanceUnaries;

    private DomainRangeConstraint(Library library, int maxLength, int[] initialForbidden, int[][] inputsForbiddenUnder,
                                  int[] lastChanceUnaries) {
        super("domain_range");
        this.library = library;
        this.maxLength = maxLength;
        this.initialForbidden = initialForbidden;
        this.inputsForbiddenUnder = inputsForbiddenUnder;
        this.lastChanceUnaries = lastChanceUnaries;
    }

    /** The constraint for this data, or empty when it constrains nothing. */
    public static Optional<DomainRangeConstraint> of(Library library, Dataset data, int maxLength) {
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (double v : data.yTrain()) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        int n = library.size();
        List<Integer> initial = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TokenFacts f = library.token(i).facts();
            if (yMin < f.rangeLo() || yMax > f.rangeHi()) initial.add(i);
        }
        int[] inputs = library.inputTokens();
        int[] unaries = library.unaryTokens();
        List<List<Integer>> under = new ArrayList<>();
        for (int i = 0; i < n; i++) under.add(new ArrayList<>());
        int[] constrainedInputs = new int[n];
        boolean anyDomain = false;
        double[][] xTrain = data.xTrain();
        for (int x : inputs) {
            int column = library.token(x).inputIndex();
            if (column < 0 || column >= data.variableCount()) {
                throw new ConfigException("prior 'domain_range': input " + library.name(x) + " has no column in dataset '"
                        + data.name() + "' (" + data.variableCount() + " variables)");
            }
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : xTrain[column]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (int u : unaries) {
                if (!domainContains(library.token(u).facts(), lo, hi)) {
                    under.get(u).add(x);
                    constrainedInputs[u]++;
                    anyDomain = true;
                }
            }
        }
        List<Integer> lastChance = new ArrayList<>();
        for (int u : unaries) {
            if (inputs.length > 0 && constrainedInputs[u] == inputs.length) lastChance.add(u);
        }
        if (initial.isEmpty() && !anyDomain) return Optional.empty();
        int[][] f = new int[n][];
        for (int p = 0; p < n; p++) f[p] = under.get(p).isEmpty() ? NONE : toArray(under.get(p));
        return Optional.of(new DomainRangeConstraint(library, maxLength, toArray(initial), f, toArray(lastChance)));
    }

    private static boolean domainContains(TokenFacts f, double lo, double hi) {
        if (f.domainOpen()) return lo > f.domainLo() && hi < f.domainHi();
        return lo >= f.domainLo() && hi <= f.domainHi();
    }

    private static int[] toArray(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Factory body: no keys; needs the task's training data. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        if (context.dataset() == null) {
            throw ConfigException.at(p.location(), p.path(), "domain_range needs the task's training data (X and y ranges), "
                    + "but this task has no dataset; turn the prior off");
        }
        Optional<DomainRangeConstraint> c = of(context.library(), context.dataset(), context.maxLength());
        if (c.isEmpty()) {
            LOG.debug("prior 'domain_range' skipped: every token range contains [min y, max y] and every unary domain "
                    + "contains every input's [min x, max x]");
        }
        return c.map(x -> x);
    }

    @Override
    public void initial(double[] adjust) {
        forbid(adjust, 0, initialForbidden);
        if (maxLength == 2) forbid(adjust, 0, lastChanceUnaries); // dangling 1 == maxLength - 0 - 1
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            int offset = row * stride;
            if (view.dangling(row) == maxLength - view.length(row) - 1) forbid(adjust, offset, lastChanceUnaries);
            int parent = view.parent(row);
            if (parent >= 0) forbid(adjust, offset, inputsForbiddenUnder[parent]);
        }
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("first token's range contains the range of y");
        if (initialForbidden.length > 0) sb.append(" (not ").append(TokenRefs.names(library, initialForbidden)).append(')');
        sb.append("; inputs only under unaries whose domain contains their data");
        return sb.toString();
    }
}
