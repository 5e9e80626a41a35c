package io.dsr4j.bench;

import io.dsr4j.train.report.Provenance;
import io.dsr4j.train.report.Wilson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.md} of a grid folder: what ran (grid, --quick, command, commit, machine, every session, the total run
 * time), the recovery per variant (summary.png) and against the grid's figure setting (trend.png), the recovery table with its
 * chart, the LaTeX table, and per benchmark the best expression each variant found. Built from the folder's files by
 * {@link BenchApp#aggregate}, so it is rebuilt whenever the tables are.
 */
final class GridReport {

    static final String FILE = "report.md";

    private GridReport() { }

    /**
     * The figures drawn besides recovery.png.
     *
     * @param summary whether summary.png was drawn
     * @param trend   the grid's declared figure when trend.png was drawn, else null
     */
    record Figures(boolean summary, TrendChart trend) { }

    /**
     * @param sessions the grid folder's provenance records (every session that ran into it, oldest first)
     */
    static String render(ResultsTable table, List<ResultRow> rows, boolean quick, List<Map<String, Object>> sessions,
                         Figures figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Grid report: ").append(table.title()).append("\n\n");
        if (quick) {
            sb.append("**This is a `--quick` run of the grid** (few seeds, a small budget): a smoke test of the set-up, ")
                    .append("not a result to quote.\n\n");
        }
        if (!sessions.isEmpty()) {
            Map<String, Object> provenance = sessions.get(sessions.size() - 1);
            sb.append(sessions.size() > 1 ? "Last command: `" : "Command: `").append(provenance.get("command")).append("`  \n");
            Object dsr = provenance.get("dsr4j");
            if (dsr instanceof Map<?, ?> d) {
                sb.append("dsr4j ").append(d.get("version")).append(", commit `").append(d.get("commit")).append('`')
                        .append(Boolean.TRUE.equals(d.get("uncommitted_changes")) ? " (with uncommitted changes)" : "")
                        .append("  \n");
            }
            String machine = machine(provenance);
            if (machine != null) sb.append("Machine: ").append(machine).append("  \n");
        }
        double seconds = 0;
        for (ResultRow r : rows) if (!Double.isNaN(r.seconds())) seconds += r.seconds();
        sb.append(String.format(Locale.ROOT, "Total run time: %,.0f s (%.1f h) over %d runs: the sum of the per-run "
                + "seconds in results.csv (each run's own wall-clock time; runs that ran side by side overlap, so the "
                + "grid took less wall time than this)\n\n", seconds, seconds / 3600, rows.size()));
        if (sessions.size() > 1) {
            sb.append("Sessions that ran into this folder (").append(Provenance.FILE).append(", oldest first):\n\n");
            for (Map<String, Object> p : sessions) {
                Object d = p.get("dsr4j");
                String commit = d instanceof Map<?, ?> dm ? String.valueOf(dm.get("commit")) : "?";
                sb.append("- ").append(p.get("recorded_at")).append(": `").append(p.get("command")).append("`, commit `")
                        .append(commit, 0, Math.min(12, commit.length())).append('`');
                String m = machine(p);
                if (m != null) sb.append(", ").append(m);
                sb.append('\n');
            }
            sb.append('\n');
        }
        sb.append("Files: [results.csv](results.csv) (one row per run), [table.csv](table.csv), [table.tex](table.tex) ")
                .append("(booktabs), [settings.yaml](settings.yaml) (each variant's settings), [grid.yaml](grid.yaml), ")
                .append("[").append(Provenance.FILE).append("](").append(Provenance.FILE).append("); each run's folder under ")
                .append("`runs/` holds its own plots, provenance and logs.\n\n");

        if (figures.summary()) summary(sb, table);
        if (figures.trend() != null) trend(sb, figures.trend());

        sb.append("## Recovery per benchmark\n\n");
        sb.append("![recovery rate per benchmark and variant](").append(BenchApp.CHART_PNG).append(")\n\n");
        String md = table.markdown();
        int firstBreak = md.indexOf("\n\n");
        sb.append(firstBreak >= 0 ? md.substring(firstBreak + 2) : md).append('\n');

        sb.append("## Best expression per benchmark and variant\n\n")
                .append("Highest training reward over the seeds (ties: the first seed).\n\n")
                .append("| benchmark | variant | seed | recovered | r_best | expression |\n|---|---|---|---|---|---|\n");
        Map<String, ResultRow> best = new LinkedHashMap<>();
        List<ResultRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(ResultRow::seed));
        for (ResultRow r : ordered) {
            String key = r.benchmark() + "\u0000" + r.variant();
            ResultRow b = best.get(key);
            if (b == null || r.rBest() > b.rBest()) best.put(key, r);
        }
        for (String bm : table.benchmarks()) {
            for (String v : table.variants()) {
                ResultRow r = best.get(bm + "\u0000" + v);
                if (r == null) continue;
                sb.append("| ").append(bm).append(" | ").append(v).append(" | ").append(r.seed()).append(" | ")
                        .append(r.success() ? "yes" : "no").append(" | ")
                        .append(String.format(Locale.ROOT, "%.4g", r.rBest())).append(" | ")
                        .append(r.expression() == null || r.expression().isEmpty() ? ""
                                : "`" + r.expression().replace("`", "'").replace("|", "\\|") + "`")
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    /** "CPU, N cores, OS; Java V", or null when the record lacks the fields. */
    private static String machine(Map<String, Object> provenance) {
        Object m = provenance.get("machine");
        Object jvm = provenance.get("jvm");
        if (!(m instanceof Map<?, ?> mm && jvm instanceof Map<?, ?> jj)) return null;
        return mm.get("cpu") + ", " + mm.get("cores") + " cores, " + mm.get("os") + "; Java " + jj.get("version");
    }

    private static void summary(StringBuilder sb, ResultsTable table) {
        sb.append("## Recovery per variant\n\n")
                .append("![recovery per variant, pooled over the benchmarks](").append(BenchApp.SUMMARY_PNG).append(")\n\n")
                .append("Pooled over the benchmarks: recovered runs / runs, with the Wilson 95 % interval of that ")
                .append("proportion; the mean of the per-benchmark rates (the table's average row) beside it.\n\n")
                .append("| variant | recovered / runs | pooled rate [Wilson 95 %] | mean over benchmarks | benchmarks |\n")
                .append("|---|---|---|---|---|\n");
        for (String v : table.variants()) {
            ResultsTable.Average a = table.average(v);
            if (a.runs() == 0) continue;
            Wilson w = Wilson.interval95(a.successes(), a.runs());
            sb.append("| ").append(v).append(" | ").append(a.successes()).append('/').append(a.runs()).append(" | ")
                    .append(ResultsTable.pct((double) a.successes() / a.runs())).append("% [")
                    .append(ResultsTable.pct(w.lo())).append(", ").append(ResultsTable.pct(w.hi())).append("] | ")
                    .append(ResultsTable.pct(a.rate())).append("% | ").append(a.benchmarks()).append(" of ")
                    .append(table.benchmarks().size()).append(" |\n");
        }
        sb.append('\n');
    }

    private static void trend(StringBuilder sb, TrendChart trend) {
        List<TrendChart.Line> lines = trend.lines();
        sb.append("## Recovery against the grid's figure setting\n\n")
                .append("![recovery against the figure's setting](").append(BenchApp.TREND_PNG).append(")\n\n")
                .append("Pooled over the benchmarks: recovered / runs (rate, [Wilson 95 % interval] in %).\n\n");
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (TrendChart.Line l : lines) for (TrendChart.Point p : l.points()) xs.add(p.x());
        sb.append("| ").append(trend.xKey());
        for (TrendChart.Line l : lines) sb.append(" | ").append(trend.label(l));
        sb.append(" |\n|---|").append("---|".repeat(lines.size())).append('\n');
        for (double x : xs) {
            sb.append("| ").append(TrendChart.number(x));
            for (TrendChart.Line l : lines) {
                TrendChart.Point p = l.points().stream().filter(q -> q.x() == x).findFirst().orElse(null);
                sb.append(" | ").append(p == null ? "–" : p.successes() + "/" + p.runs() + " (" + ResultsTable.pct(p.rate())
                        + "%, [" + ResultsTable.pct(p.interval().lo()) + ", " + ResultsTable.pct(p.interval().hi()) + "])");
            }
            sb.append(" |\n");
        }
        sb.append('\n');
    }
}
