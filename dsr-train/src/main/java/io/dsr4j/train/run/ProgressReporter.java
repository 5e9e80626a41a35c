package io.dsr4j.train.run;

import io.dsr4j.train.ProgramRecord;
import io.dsr4j.train.Trainer;
import io.dsr4j.train.log.IterationStats;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Console progress: a one-line bar redrawn in place on a terminal (iteration, best reward, best expression,
 * evaluations/s, ETA), or plain periodic lines when output is not a terminal (CI, pipes). Never reads stdin.
 */
public final class ProgressReporter implements Trainer.Listener {

    public enum Mode { BAR, LINES, OFF }

    private final PrintStream out;
    private final Mode mode;
    private final int every;
    private final String label;
    private final long budget;
    private double emaRate;

    public ProgressReporter(PrintStream out, Mode mode, int every, String label, long budgetSamples) {
        this.out = out;
        this.mode = mode;
        this.every = Math.max(1, every);
        this.label = label;
        this.budget = budgetSamples;
    }

    /** "auto" → bar on an interactive terminal, lines otherwise. */
    public static Mode resolve(String setting, boolean parallel) {
        return switch (setting) {
            case "off" -> Mode.OFF;
            case "lines" -> Mode.LINES;
            case "bar" -> Mode.BAR;
            default -> System.console() != null && !parallel && System.getenv("CI") == null ? Mode.BAR : Mode.LINES;
        };
    }

    @Override
    public void onIteration(IterationStats s, Trainer t) {
        if (mode == Mode.OFF) return;
        emaRate = emaRate == 0 ? s.evalsPerSecond() : 0.9 * emaRate + 0.1 * s.evalsPerSecond();
        boolean last = t.done();
        if (mode == Mode.LINES && (s.iteration() % every != 0) && !last) return;
        ProgramRecord best = t.best();
        String expr = best == null ? "" : t.scorer().infix(best.traversal(), best.constants());
        double eta = (budget - s.nevals()) / Math.max(emaRate, 1e-9);
        String line = String.format(Locale.ROOT, "%s it %d  r_best %.6f  %,.0f expr/s  %s  best: %s",
                label, s.iteration(), s.rBest(), emaRate, last ? (t.success() ? "recovered" : "done")
                        : "eta " + formatSeconds(eta), expr);
        if (mode == Mode.BAR) {
            int width = 100;
            if (line.length() > width) line = line.substring(0, width - 1) + "…";
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            if (last) out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String formatSeconds(double s) {
        if (!Double.isFinite(s) || s < 0) return "?";
        long sec = Math.round(s);
        return sec >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", sec / 3600, (sec % 3600) / 60)
                : sec >= 60 ? String.format(Locale.ROOT, "%dm%02ds", sec / 60, sec % 60) : sec + "s";
    }
}
