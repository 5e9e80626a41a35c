package io.dsr4j.bench;

import io.dsr4j.train.report.Wilson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary.png (recovery per variant, pooled) and trend.png (recovery against a setting) and what report.md says. */
class FigureChartsTest {

    @TempDir
    Path dir;

    /** {@code k} successes out of {@code n} runs, each taking {@code seconds}. */
    private static List<ResultRow> runs(String variant, String benchmark, int k, int n, double seconds) {
        List<ResultRow> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(new ResultRow(variant, benchmark, s, s < k, 10, 1000, seconds, s < k ? 1.0 : 0.5, s < k ? 0 : 0.1,
                    "x1", 0.1, 3, "x1"));
        }
        return out;
    }

    @Test
    void summaryPoolsTheRunsOfEachVariantInTheGridsOrder() {
        List<ResultRow> rows = new ArrayList<>();
        rows.addAll(runs("no-entropy", "Nguyen-1", 3, 4, 1));
        rows.addAll(runs("full", "Nguyen-1", 4, 4, 1));
        rows.addAll(runs("full", "Nguyen-2", 1, 6, 1));      // unequal counts: pooled 5/10 differs from the mean 58.3 %
        rows.addAll(runs("no-entropy", "Nguyen-2", 0, 6, 1));
        ResultsTable table = ResultsTable.of("ablations", rows, List.of("Nguyen-1", "Nguyen-2"),
                List.of("full", "no-entropy"), List.of(new Reference("paper", Map.of(), 0.8)));
        List<SummaryChart.Bar> bars = new SummaryChart(table, false).bars();
        assertEquals(List.of("full", "no-entropy", "reference: paper"), bars.stream().map(SummaryChart.Bar::label).toList());
        SummaryChart.Bar full = bars.get(0);
        assertEquals(5, full.successes());
        assertEquals(10, full.runs());
        assertEquals(50.0, full.rate(), 1e-12);
        assertEquals(100 * Wilson.interval95(5, 10).lo(), full.lo(), 1e-12);
        assertEquals(100 * Wilson.interval95(5, 10).hi(), full.hi(), 1e-12);
        assertEquals(30.0, bars.get(1).rate(), 1e-12);
        assertEquals(80.0, bars.get(2).rate(), 1e-12);
        assertTrue(Double.isNaN(bars.get(2).lo()), "a published number has no interval");
    }

    private static Map<String, Object> settings(double noise, int factor) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("noise", noise);
        task.put("data_factor", factor);
        return Map.of("task", task);
    }

    @Test
    void trendHasOneLinePerSeriesValueWithPointsInIncreasingX() {
        List<ResultRow> rows = new ArrayList<>();
        rows.addAll(runs("n10-x1", "Nguyen-1", 1, 5, 1));
        rows.addAll(runs("n0-x1", "Nguyen-1", 5, 5, 1));
        rows.addAll(runs("n0-x1", "Nguyen-2", 4, 5, 1));
        rows.addAll(runs("n0-x10", "Nguyen-1", 5, 5, 1));
        rows.addAll(runs("other", "Nguyen-1", 5, 5, 1));   // no x value: left out
        ResultsTable table = ResultsTable.of("noise", rows, List.of(), List.of(), List.of());
        Map<String, Map<String, Object>> s = Map.of("n0-x1", settings(0.0, 1), "n10-x1", settings(0.1, 1),
                "n0-x10", settings(0.0, 10), "other", Map.of());
        TrendChart chart = new TrendChart(table, new FigureSpec("task.noise", "task.data_factor"), s, false);
        List<TrendChart.Line> lines = chart.lines();
        assertEquals(2, lines.size());
        assertEquals("task.data_factor = 1", chart.label(lines.get(0)));
        assertEquals("task.data_factor = 10", chart.label(lines.get(1)));
        List<TrendChart.Point> x1 = lines.get(0).points();
        assertEquals(List.of(0.0, 0.1), x1.stream().map(TrendChart.Point::x).toList());
        assertEquals(9, x1.get(0).successes());
        assertEquals(10, x1.get(0).runs());
        assertEquals(Wilson.interval95(9, 10), x1.get(0).interval());
        assertEquals(1, x1.get(1).successes());
        assertEquals(1, lines.get(1).points().size());
        assertNotNull(chart.chart(lines).getSeriesMap().get("task.data_factor = 10"));
    }

    @Test
    void aggregateDrawsTheDeclaredFigureAndTheReportSaysWhatRanAndForHowLong() throws Exception {
        Path grid = dir.resolve("noise.yaml");
        Files.writeString(grid, """
                name: noise
                variants:
                  n0-x1: {task.noise: 0.0, task.data_factor: 1}
                  n5-x1: {task.noise: 0.05, task.data_factor: 1}
                  n0-x10: {task.noise: 0.0, task.data_factor: 10}
                benchmarks: [Nguyen-1, Nguyen-2]
                seeds: 2
                figure: {x: task.noise, series: task.data_factor}
                """);
        Path out = dir.resolve("out");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(BenchApp.OK, BenchApp.run(grid, out, 1, false, new FakeExecutor(), quiet));
        for (String png : List.of(BenchApp.CHART_PNG, BenchApp.SUMMARY_PNG, BenchApp.TREND_PNG)) {
            assertNotNull(ImageIO.read(out.resolve(png).toFile()), png + " is a PNG");
        }
        String report = Files.readString(out.resolve(BenchApp.REPORT_MD));
        assertTrue(report.contains("![recovery per variant, pooled over the benchmarks](summary.png)"), report);
        assertTrue(report.contains("](trend.png)"), report);
        assertTrue(report.contains("| task.noise | task.data_factor = 1 | task.data_factor = 10 |"), report);
        assertTrue(report.contains("| 0.05 | "), report);
        double total = ResultsFile.read(out.resolve(ResultsFile.NAME)).stream().mapToDouble(ResultRow::seconds).sum();
        assertTrue(report.contains(String.format(java.util.Locale.ROOT, "Total run time: %,.0f s", total)
                + " (" + String.format(java.util.Locale.ROOT, "%.1f", total / 3600) + " h) over 12 runs: the sum of the per-run seconds"), report);

        // --aggregate-only semantics: rebuilt from the folder alone, after the grid file is gone
        Files.delete(grid);
        Files.delete(out.resolve(BenchApp.TREND_PNG));
        BenchApp.aggregate(out);
        assertTrue(Files.exists(out.resolve(BenchApp.TREND_PNG)));

        // a grid copy without a figure removes a stale trend.png
        Path copy = out.resolve(ResumeGuard.GRID_COPY);
        Files.writeString(copy, Files.readString(copy).replace("figure: {x: task.noise, series: task.data_factor}\n", ""));
        BenchApp.aggregate(out);
        assertFalse(Files.exists(out.resolve(BenchApp.TREND_PNG)));
        assertTrue(Files.exists(out.resolve(BenchApp.SUMMARY_PNG)));
        assertFalse(Files.readString(out.resolve(BenchApp.REPORT_MD)).contains("trend.png"));
    }
}
