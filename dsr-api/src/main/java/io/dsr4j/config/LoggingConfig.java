package io.dsr4j.config;

import io.dsr4j.api.config.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Section {@code logging}.
 *
 * @param hof           hall-of-fame size (best distinct programs kept)
 * @param savePareto    write the Pareto front (complexity vs reward) at the end of a run
 * @param saveFreq      flush the per-iteration statistics file every N iterations
 * @param progress      how progress is shown on the console
 * @param progressEvery iterations between plain progress lines
 * @param plots         write PNG plots (training curve, Pareto front) at the end of every seed
 * @param simplify      simplify the expressions a run shows or saves (best, hall of fame, Pareto front) with computer
 *                      algebra, beside their raw forms
 * @param simplifyLimit time limit in seconds of one simplification or symbolic comparison
 */
public record LoggingConfig(int hof, boolean savePareto, int saveFreq, Progress progress, int progressEvery,
                            boolean plots, boolean simplify, double simplifyLimit) {

    /** The settings without simplification keys (their defaults: on, 2 s). */
    public LoggingConfig(int hof, boolean savePareto, int saveFreq, Progress progress, int progressEvery,
                         boolean plots) {
        this(hof, savePareto, saveFreq, progress, progressEvery, plots, true, 2.0);
    }

    /** Console progress style. */
    public enum Progress {
        /** A bar when stderr is a terminal, plain lines otherwise. */
        AUTO,
        BAR,
        LINES,
        OFF;

        public String yamlName() { return name().toLowerCase(Locale.ROOT); }

        static List<String> names() { return Arrays.stream(values()).map(Progress::yamlName).toList(); }
    }

    static LoggingConfig from(Params p) {
        SectionReader r = new SectionReader(p);
        return new LoggingConfig(r.intAtLeast("hof", 1), r.bool("save_pareto_front"), r.intAtLeast("save_freq", 1),
                Progress.valueOf(r.choice("progress", Progress.names()).toUpperCase(Locale.ROOT)),
                r.intAtLeast("progress_every", 1), r.bool("plots"), r.bool("simplify"), r.positive("simplify_limit"));
    }
}
