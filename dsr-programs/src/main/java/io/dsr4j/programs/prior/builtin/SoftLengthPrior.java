package io.dsr4j.programs.prior.builtin;

import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Setting;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.prior.Prior;
import io.dsr4j.api.prior.PriorContext;
import io.dsr4j.api.prior.TreeView;
import io.dsr4j.api.token.Library;

import java.util.Optional;

/**
 * {@code soft_length {loc, scale}} (reference SoftLengthPrior, soft). With t tokens already chosen and
 * {@code adj = -(t - loc)^2 / (2 * scale)} ({@code scale} acts as a variance, as in the reference): while
 * {@code t < loc} adj is added to the terminals of rows with {@code dangling == 1}; from {@code loc} on it is added
 * to every non-terminal. Not applied at position 0 (reference).
 */
public final class SoftLengthPrior implements Prior {

    private final double loc;
    private final double scale;
    private final int[] terminals;
    private final int[] nonTerminals;
    /** adj by t, precomputed up to the max length. */
    private final double[] adjustByLength;

    public SoftLengthPrior(Library library, double loc, double scale, int maxLength) {
        this.loc = loc;
        this.scale = scale;
        this.terminals = library.terminalTokens();
        int[] un = library.unaryTokens();
        int[] bin = library.binaryTokens();
        this.nonTerminals = new int[un.length + bin.length];
        System.arraycopy(un, 0, nonTerminals, 0, un.length);
        System.arraycopy(bin, 0, nonTerminals, un.length, bin.length);
        adjustByLength = new double[maxLength + 1];
        for (int t = 0; t <= maxLength; t++) adjustByLength[t] = adjust(t);
    }

    private double adjust(int t) {
        return -(t - loc) * (t - loc) / (2 * scale);
    }

    static final Setting<Double> LOC = Setting.<Double>custom("loc", "number", 10L, "a finite number", (p, s) -> {
        if (!p.has("loc") || p.isNull("loc")) throw TokenRefs.error(p, "loc", "required: the preferred length (a number)");
        double loc = p.getDouble("loc", 0);
        if (!Double.isFinite(loc)) throw TokenRefs.error(p, "loc", "value " + loc + " is not a finite number");
        return loc;
    }).doc("the preferred length");
    static final Setting<Double> SCALE = Setting.<Double>custom("scale", "number", 5L, "a finite number > 0", (p, s) -> {
        if (!p.has("scale") || p.isNull("scale")) throw TokenRefs.error(p, "scale", "required: a positive number (acts as a variance)");
        double scale = p.getDouble("scale", 1);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw TokenRefs.error(p, "scale", "value " + scale + " is not allowed; allowed: a finite number > 0");
        }
        return scale;
    }).doc("width of the preference (acts as a variance)");

    /** The keys of {@code prior.soft_length}. */
    public static final Settings SETTINGS = Settings.of(LOC, SCALE);

    /** Factory body: reads {@code loc} and {@code scale} (both required, scale > 0). */
    public static Optional<Prior> fromConfig(PriorContext context, Params p) {
        double loc = LOC.read(p);
        double scale = SCALE.read(p);
        return Optional.of(new SoftLengthPrior(context.library(), loc, scale, context.maxLength()));
    }

    @Override public String name() { return "soft_length"; }

    @Override public boolean isHard() { return false; }

    @Override public void initial(double[] adjust) { }

    @Override
    public void step(TreeView view, double[] adjust) {
        int[] rows = view.unfinishedRows();
        int n = view.unfinishedCount();
        int stride = view.library().size();
        double[] table = adjustByLength;
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            int t = view.length(row);
            double adj = t < table.length ? table[t] : adjust(t);
            int offset = row * stride;
            if (t < loc) {
                if (view.dangling(row) == 1) {
                    for (int k : terminals) adjust[offset + k] += adj;
                }
            } else {
                for (int k : nonTerminals) adjust[offset + k] += adj;
            }
        }
    }

    @Override
    public String toString() { return "prefers length " + loc + " (scale " + scale + ")"; }
}
