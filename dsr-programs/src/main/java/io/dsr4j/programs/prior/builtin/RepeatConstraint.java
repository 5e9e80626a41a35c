package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;

import java.util.List;
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

    static final Setting<List<String>> TOKENS = Setting.stringList("tokens", List.of("const"))
            .doc("the tokens counted together (a name or a list of names)");
    static final Setting<Integer> MIN = Setting.<Integer>custom("min_", "null", null, "null (a minimum is not supported)",
            (p, s) -> {
                Integer min = p.getIntOrNull(s.name(), null);
                if (min != null) {
                    throw TokenRefs.error(p, "min_", "a minimum count is not supported (as in the reference); set min_: null");
                }
                return null;
            }).doc("must be null (as in the reference)");
    static final Setting<Integer> MAX = Setting.<Integer>custom("max_", "integer", 3, "0 or more", (p, s) -> {
        Integer max = p.getIntOrNull(s.name(), null);
        if (max == null) throw TokenRefs.error(p, "max_", "required: the maximum number of occurrences (0 or more)");
        if (max < 0) throw TokenRefs.error(p, "max_", "value " + max + " is negative; allowed: 0 or more");
        return max;
    }).doc("at most this many occurrences in total");

    /** The keys of {@code prior.repeat}. */
    public static final Settings SETTINGS = Settings.of(TOKENS, MIN, MAX);

    /** Factory body: reads {@code tokens}, {@code min_} (must be null) and {@code max_}. */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        MIN.read(p);
        int max = MAX.read(p);
        return TokenRefs.resolve(p, "tokens", context.library(), "repeat")
                .map(t -> new RepeatConstraint(context.library(), t, max));
    }

    @Override
    public void initial(double[] adjust) {
        if (max == 0) forbid(adjust, 0, tokens);
    }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        int[] tok = tokens;
        for (int i = 0; i < n; i++) {
            int row = rows[i];
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
