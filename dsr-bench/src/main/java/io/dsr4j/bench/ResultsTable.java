package io.dsr4j.bench;

import io.dsr4j.programs.data.QuotedCsv;
import io.dsr4j.train.report.Wilson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Recovery statistics of a grid per benchmark × variant: k/n with the Wilson 95 % interval, and medians of the time,
 * evaluations and iterations that successful runs needed; per variant the mean recovery rate over benchmarks (the
 * "average" row of the paper's tables). Renders Markdown and CSV; {@link RecoveryChart} draws it.
 */
public final class ResultsTable {

    /**
     * One benchmark × variant. Medians are over successful runs (NaN when none succeeded). {@code symbolicSuccesses}
     * counts runs whose best expression is symbolically the benchmark's; {@code symbolicUnknown} those where that is
     * not known (no known expression, undecided in time).
     */
    public record Cell(String benchmark, String variant, int runs, int successes, Wilson interval,
                       double medianSeconds, double medianSamples, double medianIterations, int symbolicSuccesses,
                       int symbolicUnknown) {
        public double rate() {
            return (double) successes / runs;
        }

        public double symbolicRate() {
            return symbolicUnknown == runs ? Double.NaN : (double) symbolicSuccesses / runs;
        }
    }

    /** Mean over the benchmarks a variant has results for, and how many of the table's benchmarks that is. */
    public record Average(double rate, int benchmarks, int runs, int successes) { }

    private final String title;
    private final List<String> benchmarks;
    private final List<String> variants;
    private final Map<String, Cell> cells;
    private final List<Reference> references;

    private ResultsTable(String title, List<String> benchmarks, List<String> variants, Map<String, Cell> cells,
                         List<Reference> references) {
        this.title = title;
        this.benchmarks = benchmarks;
        this.variants = variants;
        this.cells = cells;
        this.references = references;
    }

    /**
     * Aggregates rows. Benchmarks and variants appear in the given order, followed by any others in the order of the
     * rows; the given ones without rows are left out.
     */
    public static ResultsTable of(String title, List<ResultRow> rows, List<String> benchmarkOrder,
                                  List<String> variantOrder, List<Reference> references) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        Set<String> bs = new LinkedHashSet<>();
        Set<String> vs = new LinkedHashSet<>();
        Set<String> seenB = new LinkedHashSet<>();
        Set<String> seenV = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ResultRow r : rows) {
            if (!keys.add(r.key())) continue; // a run counts once
            groups.computeIfAbsent(key(r.benchmark(), r.variant()), k -> new ArrayList<>()).add(r);
            seenB.add(r.benchmark());
            seenV.add(r.variant());
        }
        for (String b : benchmarkOrder) if (seenB.contains(b)) bs.add(b);
        bs.addAll(seenB);
        for (String v : variantOrder) if (seenV.contains(v)) vs.add(v);
        vs.addAll(seenV);

        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String b : bs) {
            for (String v : vs) {
                List<ResultRow> g = groups.get(key(b, v));
                if (g != null) cells.put(key(b, v), cell(b, v, g));
            }
        }
        return new ResultsTable(title, List.copyOf(bs), List.copyOf(vs), cells, List.copyOf(references));
    }

    private static Cell cell(String b, String v, List<ResultRow> g) {
        int k = 0;
        int symbolic = 0;
        int unknown = 0;
        for (ResultRow r : g) {
            if (r.symbolicSuccess() == io.dsr4j.programs.symbolic.Verdict.YES) symbolic++;
            if (r.symbolicSuccess() == io.dsr4j.programs.symbolic.Verdict.UNKNOWN) unknown++;
        }
        List<Double> sec = new ArrayList<>();
        List<Double> samples = new ArrayList<>();
        List<Double> iters = new ArrayList<>();
        for (ResultRow r : g) {
            if (!r.success()) continue;
            k++;
            sec.add(r.seconds());
            samples.add((double) r.nSamples());
            iters.add((double) r.iterations());
        }
        return new Cell(b, v, g.size(), k, Wilson.interval95(k, g.size()), median(sec), median(samples), median(iters),
                symbolic, unknown);
    }

    /** The median (mean of the middle two for an even count), NaN for no values. */
    static double median(List<Double> values) {
        double[] a = values.stream().filter(x -> !Double.isNaN(x)).mapToDouble(Double::doubleValue).toArray();
        if (a.length == 0) return Double.NaN;
        Arrays.sort(a);
        int m = a.length / 2;
        return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
    }

    private static String key(String b, String v) {
        return b + "\u0000" + v;
    }

    public String title() {
        return title;
    }

    public List<String> benchmarks() {
        return benchmarks;
    }

    public List<String> variants() {
        return variants;
    }

    public List<Reference> references() {
        return references;
    }

    /** The cell, or null when the variant has no results on the benchmark. */
    public Cell cell(String benchmark, String variant) {
        return cells.get(key(benchmark, variant));
    }

    public Average average(String variant) {
        double sum = 0;
        int n = 0;
        int runs = 0;
        int successes = 0;
        for (String b : benchmarks) {
            Cell c = cell(b, variant);
            if (c == null) continue;
            sum += c.rate();
            n++;
            runs += c.runs();
            successes += c.successes();
        }
        return new Average(n == 0 ? Double.NaN : sum / n, n, runs, successes);
    }

    // ---- rendering ----

    public String markdown() {
        return markdown(false);
    }

    /** @param quick the results come from a {@code --quick} run, which the table then says first */
    public String markdown(boolean quick) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append(": recovery rate").append(quick ? " (--quick)" : "").append("\n\n");
        if (quick) {
            sb.append("**--quick run of the grid**: few seeds and a small budget, a smoke test of the set-up, ")
                    .append("not a result to quote.\n\n");
        }
        sb.append("Runs whose best expression reaches the success threshold (NMSE on the noiseless test set), per benchmark ")
                .append("and variant: k/n (rate, [Wilson 95 % interval] in %).");
        if (!references.isEmpty()) sb.append(" Reference columns: published rates as given in the grid file.");
        sb.append("\n\n");
        benchmarkRows(sb, c -> String.format(Locale.ROOT, "%d/%d (%s%%, [%s, %s])", c.successes(), c.runs(),
                pct(c.rate()), pct(c.interval().lo()), pct(c.interval().hi())), references);
        List<String> avg = new ArrayList<>();
        avg.add("**average**");
        for (String v : variants) {
            Average a = average(v);
            avg.add("**" + pct(a.rate()) + "%**" + (a.benchmarks() < benchmarks.size()
                    ? " (" + a.benchmarks() + " of " + benchmarks.size() + " benchmarks)" : ""));
        }
        for (Reference r : references) avg.add(r.average() == null ? "" : pct(r.average()) + "%");
        row(sb, avg);

        symbolicMarkdown(sb);

        sb.append("\n## Median cost of a recovery\n\n");
        sb.append("Over successful runs only: wall-clock seconds / expressions evaluated (n_samples) / iterations.\n\n");
        benchmarkRows(sb, c -> c.successes() == 0 ? "no recovery" : String.format(Locale.ROOT, "%s s / %s / %s",
                num(c.medianSeconds(), 1), num(c.medianSamples(), 0), num(c.medianIterations(), 1)), List.of());
        return sb.toString();
    }

    /**
     * The head and body of a markdown table with one row per benchmark: a column per variant showing {@code text} of
     * its cell ("–" where the variant has no run of the benchmark), then a column per reference with its published rate.
     */
    private void benchmarkRows(StringBuilder sb, Function<Cell, String> text, List<Reference> refs) {
        List<String> head = new ArrayList<>();
        head.add("benchmark");
        head.addAll(variants);
        for (Reference r : refs) head.add(r.label());
        row(sb, head);
        sb.append("|").append("---|".repeat(head.size())).append('\n');
        for (String b : benchmarks) {
            List<String> cols = new ArrayList<>();
            cols.add(b);
            for (String v : variants) {
                Cell c = cell(b, v);
                cols.add(c == null ? "–" : text.apply(c));
            }
            for (Reference r : refs) {
                Double x = r.rates().get(b);
                cols.add(x == null ? "" : pct(x) + "%");
            }
            row(sb, cols);
        }
    }

    /** Symbolic recovery per benchmark and variant, when any run's verdict is known. */
    private void symbolicMarkdown(StringBuilder sb) {
        boolean any = cells.values().stream().anyMatch(c -> c.symbolicUnknown() < c.runs());
        if (!any) return;
        sb.append("\n## Symbolic recovery\n\n");
        sb.append("Runs whose best expression is symbolically the benchmark's (the difference simplifies to 0, or for a ")
                .append("target without constants the ratio to a constant; computer algebra, see docs/outputs.md): k/n; ")
                .append("\"?\" counts runs it could not decide.\n\n");
        benchmarkRows(sb, c -> c.symbolicUnknown() == c.runs() ? "?" : c.symbolicSuccesses() + "/" + c.runs()
                + (c.symbolicUnknown() > 0 ? " (" + c.symbolicUnknown() + " ?)" : ""), List.of());
        List<String> avg = new ArrayList<>();
        avg.add("**average**");
        for (String v : variants) {
            double sum = 0;
            int n = 0;
            for (String b : benchmarks) {
                Cell c = cell(b, v);
                if (c == null || Double.isNaN(c.symbolicRate())) continue;
                sum += c.symbolicRate();
                n++;
            }
            avg.add(n == 0 ? "–" : "**" + pct(sum / n) + "%**");
        }
        row(sb, avg);
    }

    /** Long format: one line per benchmark × variant, then per-variant averages, then reference numbers. */
    public String csv() {
        StringBuilder sb = new StringBuilder("benchmark,variant,runs,successes,rate,wilson_lo,wilson_hi,"
                + "median_seconds_to_success,median_n_samples_to_success,median_iterations_to_success,"
                + "symbolic_successes,symbolic_rate,symbolic_unknown\n");
        for (String b : benchmarks) {
            for (String v : variants) {
                Cell c = cell(b, v);
                if (c == null) continue;
                sb.append(QuotedCsv.row(b, v, c.runs(), c.successes(), fmt(c.rate()), fmt(c.interval().lo()), fmt(c.interval().hi()),
                        fmt(c.medianSeconds()), fmt(c.medianSamples()), fmt(c.medianIterations()),
                        c.symbolicUnknown() == c.runs() ? "" : c.symbolicSuccesses(), fmt(c.symbolicRate()),
                        c.symbolicUnknown())).append('\n');
            }
        }
        for (String v : variants) {
            Average a = average(v);
            sb.append(QuotedCsv.row("average", v, a.runs(), a.successes(), fmt(a.rate()), "", "", "", "", "", "", "", "")).append('\n');
        }
        for (Reference r : references) {
            for (Map.Entry<String, Double> e : r.rates().entrySet()) {
                sb.append(QuotedCsv.row(e.getKey(), "reference: " + r.label(), "", "", fmt(e.getValue()), "", "", "", "", "", "", "", "")).append('\n');
            }
            if (r.average() != null) {
                sb.append(QuotedCsv.row("average", "reference: " + r.label(), "", "", fmt(r.average()), "", "", "", "", "", "", "", "")).append('\n');
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cols) {
        sb.append("| ");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) sb.append(" | ");
            sb.append(cols.get(i).replace("|", "\\|"));
        }
        sb.append(" |\n");
    }

    /** A rate in [0, 1] as a percentage with one decimal. */
    static String pct(double rate) {
        return Double.isNaN(rate) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * rate);
    }

    private static String num(double x, int decimals) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6g", x).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2").replaceFirst("\\.($|e)", "$1");
    }
}
