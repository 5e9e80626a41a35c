package io.dsr4j.bench;

import io.dsr4j.train.report.Provenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.md} of a grid folder: what ran (grid, --quick, command, provenance), the recovery table with its
 * chart, the LaTeX table, and per benchmark the best expression each variant found. Built from the folder's files by
 * {@link BenchApp#aggregate}, so it is rebuilt whenever the tables are.
 */
final class GridReport {

    static final String FILE = "report.md";

    private GridReport() { }

    /**
     * @param provenance the grid's provenance record (its last session), or null when the folder has none
     */
    static String render(ResultsTable table, List<ResultRow> rows, boolean quick, Map<String, Object> provenance) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Grid report: ").append(table.title()).append("\n\n");
        if (quick) {
            sb.append("**This is a `--quick` run of the grid** (few seeds, a small budget): a smoke test of the set-up, ")
                    .append("not a result to quote.\n\n");
        }
        if (provenance != null) {
            sb.append("Command: `").append(provenance.get("command")).append("`  \n");
            Object dsr = provenance.get("dsr4j");
            if (dsr instanceof Map<?, ?> d) {
                sb.append("dsr4j ").append(d.get("version")).append(", commit `").append(d.get("commit")).append('`')
                        .append(Boolean.TRUE.equals(d.get("uncommitted_changes")) ? " (with uncommitted changes)" : "")
                        .append("  \n");
            }
            Object m = provenance.get("machine");
            Object jvm = provenance.get("jvm");
            if (m instanceof Map<?, ?> mm && jvm instanceof Map<?, ?> jj) {
                sb.append("Machine: ").append(mm.get("cpu")).append(", ").append(mm.get("cores")).append(" cores, ")
                        .append(mm.get("os")).append("; Java ").append(jj.get("version")).append("  \n");
            }
        }
        sb.append("Files: [results.csv](results.csv) (one row per run), [table.csv](table.csv), [table.tex](table.tex) ")
                .append("(booktabs), [settings.yaml](settings.yaml) (each variant's settings), [grid.yaml](grid.yaml), ")
                .append("[").append(Provenance.FILE).append("](").append(Provenance.FILE).append("); each run's folder under ")
                .append("`runs/` holds its own plots, provenance and logs.\n\n");

        sb.append("![recovery rate per benchmark and variant](").append(BenchApp.CHART_PNG).append(")\n\n");
        String md = table.markdown();
        int firstBreak = md.indexOf("\n\n");
        sb.append("## Recovery\n\n").append(firstBreak >= 0 ? md.substring(firstBreak + 2) : md).append('\n');

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
}
