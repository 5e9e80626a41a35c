package io.dsr4j.train.report;

import io.dsr4j.config.DsrConfig;
import io.dsr4j.programs.data.QuotedCsv;
import io.dsr4j.train.run.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * {@code report.md} of a run folder, what a researcher pastes into a lab notebook: the command and provenance, the
 * main settings, recovery with its Wilson interval, one row per seed, the best expressions, the Pareto front of the
 * best seed and the plots. Built from the files of the folder ({@code summary.csv}, {@code config.yaml},
 * {@code provenance.yaml}, the seeds' {@code pareto.csv} and PNGs), so it is complete after a resume too.
 */
public final class RunReport {

    public static final String FILE = "report.md";

    /** Seeds whose plots are shown inline (the others are linked). */
    static final int PLOTTED_SEEDS = 10;

    private RunReport() { }

    /**
     * @param seedFolder the folder name of a seed, relative to the run folder
     * @param commandLine how the run was started (shown verbatim)
     */
    public static void write(Path runDir, DsrConfig config, String title, String commandLine, Provenance provenance,
                             LongFunction<String> seedFolder) throws IOException {
        AtomicFiles.write(runDir.resolve(FILE), render(runDir, config, title, commandLine, provenance, seedFolder));
    }

    static String render(Path runDir, DsrConfig config, String title, String commandLine, Provenance provenance,
                         LongFunction<String> seedFolder) throws IOException {
        Table summary = Table.read(runDir.resolve("summary.csv"));
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        sb.append("Command: `").append(commandLine).append("`  \n");
        if (provenance != null) sb.append("Built with ").append(provenance.summary()).append(".  \n");
        sb.append("Files: [config.yaml](config.yaml) (resolved settings), [provenance.yaml](provenance.yaml), ")
                .append("[summary.csv](summary.csv).\n\n");

        sb.append("## Settings\n\n| key | value |\n|---|---|\n");
        var task = config.task();
        var tr = config.training();
        setting(sb, "task.dataset", task.dataset());
        setting(sb, "task.function_set", task.functionSet() != null ? String.join(", ", task.functionSet())
                : task.functionSetName() != null ? task.functionSetName() : "the benchmark's own");
        setting(sb, "task.metric", task.metric());
        setting(sb, "task.threshold", String.valueOf(task.threshold()));
        setting(sb, "task.noise", String.valueOf(task.noise()));
        setting(sb, "training.n_samples", String.valueOf(tr.nSamples()));
        setting(sb, "training.batch_size", String.valueOf(tr.batchSize()));
        setting(sb, "training.early_stopping", String.valueOf(tr.earlyStopping()));
        setting(sb, "policy.type", config.policy().type());
        setting(sb, "estimator.type", config.estimator().type());
        sb.append('\n');

        List<Map<String, String>> rows = summary.rows();
        int n = rows.size();
        int k = (int) rows.stream().filter(r -> "true".equals(r.get("success"))).count();
        sb.append("## Recovery\n\n");
        if (n == 0) {
            sb.append("No seed has finished yet.\n\n");
        } else {
            Wilson w = Wilson.interval95(k, n);
            sb.append(String.format(Locale.ROOT, "**%d/%d** seeds recovered the target (%.1f %%, Wilson 95 %% interval "
                    + "[%.1f, %.1f] %%); success: NMSE on the noiseless test set below %s.", k, n, 100.0 * k / n,
                    100 * w.lo(), 100 * w.hi(), task.threshold()));
            if (k > 0) {
                sb.append(String.format(Locale.ROOT, " Median over recovering seeds: %s iterations, %s s.",
                        median(rows, "iterations", true), median(rows, "seconds", true)));
            }
            sb.append("\n\n");

            sb.append("## Seeds\n\n| seed | recovered | iterations | seconds | r_best | NMSE test | complexity | expression |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (Map<String, String> r : rows) {
                sb.append("| ").append(r.get("seed")).append(" | ").append("true".equals(r.get("success")) ? "yes" : "no")
                        .append(" | ").append(r.get("iterations")).append(" | ").append(r.get("seconds"))
                        .append(" | ").append(num(r.get("r_best"))).append(" | ").append(num(r.get("nmse_test")))
                        .append(" | ").append(num(r.get("complexity"))).append(" | ").append(code(r.get("expression")))
                        .append(" |\n");
            }
            sb.append('\n');

            sb.append("## Top expressions\n\nThe best expression of each seed, distinct, by training reward.\n\n")
                    .append("| r_best | NMSE test | complexity | seeds | expression |\n|---|---|---|---|---|\n");
            Map<String, List<Map<String, String>>> byExpr = new LinkedHashMap<>();
            List<Map<String, String>> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingDouble((Map<String, String> r) -> -parse(r.get("r_best"))));
            for (Map<String, String> r : sorted) byExpr.computeIfAbsent(r.get("expression"), e -> new ArrayList<>()).add(r);
            int shown = 0;
            for (var e : byExpr.entrySet()) {
                if (shown++ == 10) break;
                Map<String, String> r = e.getValue().get(0);
                Set<String> seeds = new LinkedHashSet<>();
                e.getValue().forEach(x -> seeds.add(x.get("seed")));
                sb.append("| ").append(num(r.get("r_best"))).append(" | ").append(num(r.get("nmse_test"))).append(" | ")
                        .append(num(r.get("complexity"))).append(" | ").append(String.join(", ", seeds)).append(" | ")
                        .append(code(e.getKey())).append(" |\n");
            }
            sb.append('\n');

            Map<String, String> best = sorted.get(0);
            String bestDir = seedFolder.apply(Long.parseLong(best.get("seed")));
            Table pareto = Table.read(runDir.resolve(bestDir).resolve("pareto.csv"));
            if (!pareto.rows().isEmpty()) {
                sb.append("## Pareto front of seed ").append(best.get("seed")).append(" (highest reward)\n\n")
                        .append("| complexity | r | NMSE test | expression |\n|---|---|---|---|\n");
                for (Map<String, String> p : pareto.rows()) {
                    sb.append("| ").append(num(p.get("complexity"))).append(" | ").append(num(p.get("r"))).append(" | ")
                            .append(num(p.get("nmse_test"))).append(" | ").append(code(p.get("expression"))).append(" |\n");
                }
                sb.append('\n');
            }

            sb.append("## Plots\n\n");
            int plotted = 0;
            for (Map<String, String> r : rows) {
                String dir = seedFolder.apply(Long.parseLong(r.get("seed")));
                boolean has = Files.exists(runDir.resolve(dir).resolve(RunPlots.TRAINING_PNG));
                if (!has) continue;
                if (plotted++ < PLOTTED_SEEDS) {
                    sb.append("Seed ").append(r.get("seed")).append(":\n\n")
                            .append("![training curve, seed ").append(r.get("seed")).append("](").append(dir).append('/')
                            .append(RunPlots.TRAINING_PNG).append(")\n")
                            .append("![Pareto front, seed ").append(r.get("seed")).append("](").append(dir).append('/')
                            .append(RunPlots.PARETO_PNG).append(")\n\n");
                } else {
                    sb.append("Seed ").append(r.get("seed")).append(": [training curve](").append(dir).append('/')
                            .append(RunPlots.TRAINING_PNG).append("), [Pareto front](").append(dir).append('/')
                            .append(RunPlots.PARETO_PNG).append(")  \n");
                }
            }
            if (plotted == 0) sb.append("No plots (`logging.plots: false`, or they could not be drawn).\n");
        }
        return sb.toString();
    }

    private static void setting(StringBuilder sb, String key, String value) {
        sb.append("| `").append(key).append("` | ").append(value == null ? "" : value.replace("|", "\\|")).append(" |\n");
    }

    private static String median(List<Map<String, String>> rows, String col, boolean successOnly) {
        double[] v = rows.stream().filter(r -> !successOnly || "true".equals(r.get("success")))
                .mapToDouble(r -> parse(r.get(col))).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return "–";
        double m = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return m == Math.rint(m) ? Long.toString((long) m) : String.format(Locale.ROOT, "%.1f", m);
    }

    static String num(String s) {
        double d = parse(s);
        if (Double.isNaN(d)) return s == null || s.isEmpty() ? "–" : s;
        if (d == Math.rint(d) && Math.abs(d) < 1e9) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%.4g", d);
    }

    /** Inline code for a table cell ({@code |} escaped). */
    static String code(String s) {
        if (s == null || s.isEmpty()) return "";
        return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
    }

    private static double parse(String s) {
        try {
            return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A CSV file read by column name (missing file: no rows), so added columns never break the report. */
    record Table(List<String> header, List<Map<String, String>> rows) {
        static Table read(Path csv) throws IOException {
            if (!Files.exists(csv)) return new Table(List.of(), List.of());
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.isEmpty()) return new Table(List.of(), List.of());
            List<String> header = QuotedCsv.split(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                List<String> f = QuotedCsv.split(line);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) m.put(header.get(i), i < f.size() ? f.get(i) : "");
                rows.add(m);
            }
            return new Table(header, rows);
        }
    }
}
