package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.FrameworkKeys;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code length {min_, max_}} (reference LengthConstraint, hard). At the next position t with dangling d:
 * <ul>
 *   <li>max (only once {@code t + 1 >= max_ / 2}, an exact shortcut: earlier the rule cannot fire):
 *       with {@code remaining = max_ - t}, forbid binaries if {@code d >= remaining - 1} and unaries if
 *       {@code d == remaining};</li>
 *   <li>min (while {@code t + 1 < min_}): forbid terminals if {@code d == 1}.</li>
 * </ul>
 * Reference quirk, kept on purpose: a terminal first token is always forbidden, even with {@code min_: null}, so
 * every program has at least 2 tokens. The max rule is also applied at position 0, which the reference skips; it
 * only matters for {@code max_ = 2} (a binary first token could then never be completed).
 */
public final class LengthConstraint extends HardConstraint {

    private final Integer min;
    private final Integer max;
    private final int[] terminals;
    private final int[] unaries;
    private final int[] binaries;

    public LengthConstraint(Library library, Integer min, Integer max) {
        super("length");
        if (min == null && max == null) throw new IllegalArgumentException("length: min and max are both null");
        this.min = min;
        this.max = max;
        this.terminals = library.terminalTokens();
        this.unaries = library.unaryTokens();
        this.binaries = library.binaryTokens();
    }

    static final Setting<Integer> MIN = Setting.<Integer>custom("min_", "integer or null", 4, "0 or more, or null",
            (p, s) -> {
                Integer min = p.getIntOrNull(s.name(), null);
                if (min != null && min < 0) {
                    throw TokenRefs.error(p, "min_", "value " + min + " is negative; allowed: 0 or more, or null");
                }
                return min;
            }).doc("minimum number of tokens (null: none)");
    static final Setting<Integer> MAX = Setting.<Integer>custom("max_", "integer or null", 64,
            "2 to " + FrameworkKeys.MAX_LENGTH_LIMIT + " (and at least min_), or null", (p, s) -> checked(p)[1])
            .doc("maximum number of tokens; replaces policy.max_length (null: none)");

    /** The keys of {@code prior.length}. */
    public static final Settings SETTINGS = Settings.of(MIN, MAX);

    /** {@code [min_, max_]}, each checked and checked against the other. */
    private static Integer[] checked(Params p) {
        Integer min = MIN.read(p);
        Integer max = p.getIntOrNull("max_", null);
        if (min == null && max == null) {
            throw TokenRefs.error(p, "max_", "at least one of min_ and max_ must be set (both are null)");
        }
        if (max != null && max < 2) {
            throw TokenRefs.error(p, "max_", "value " + max + " is too small: the first token cannot be a terminal, "
                    + "so programs have at least 2 tokens; allowed: 2 to " + FrameworkKeys.MAX_LENGTH_LIMIT + ", or null");
        }
        if (max != null && max > FrameworkKeys.MAX_LENGTH_LIMIT) {
            // the same limit as policy.max_length, which this value replaces
            throw TokenRefs.error(p, "max_", "value " + max + " is out of range; allowed: 2 to "
                    + FrameworkKeys.MAX_LENGTH_LIMIT + " (like policy.max_length), or null");
        }
        if (min != null && max != null && min > max) {
            throw TokenRefs.error(p, "min_", "min_ = " + min + " is larger than max_ = " + max);
        }
        return new Integer[] {min, max};
    }

    /** The max length this prior sets for the run ({@code max_}, replacing {@code policy.max_length}). */
    public static OptionalInt maxFromConfig(Params p) {
        Integer max = checked(p)[1];
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** Factory body: reads {@code min_} and {@code max_}. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        Integer[] minMax = checked(p);
        return Optional.of(new LengthConstraint(context.library(), minMax[0], minMax[1]));
    }

    @Override
    public void initial(double[] adjust) {
        forbid(adjust, 0, terminals);
        if (max != null) applyMax(adjust, 0, 0, 1);
    }

    private void applyMax(double[] adjust, int offset, int t, int dangling) {
        int remaining = max - t;
        if (dangling >= remaining - 1) forbid(adjust, offset, binaries);
        if (dangling == remaining) forbid(adjust, offset, unaries);
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        int maxFrom = max == null ? Integer.MAX_VALUE : max / 2;
        int minUntil = min == null ? Integer.MIN_VALUE : min;
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            int t = view.length(row);
            int d = view.dangling(row);
            int offset = row * stride;
            if (t + 1 >= maxFrom) applyMax(adjust, offset, t, d);
            if (t + 1 < minUntil && d == 1) forbid(adjust, offset, terminals);
        }
    }

    @Override
    public OptionalInt maxLength() { return max == null ? OptionalInt.empty() : OptionalInt.of(max); }

    /** The effective minimum: at least 2 because of the first-token rule. */
    @Override
    public OptionalInt minLength() { return OptionalInt.of(Math.max(2, min == null ? 0 : min)); }

    @Override
    public String describe() {
        return "programs have " + (min == null ? "at least 2" : "at least " + Math.max(2, min))
                + (max == null ? "" : " and at most " + max) + " tokens";
    }
}
