package io.dsr4j.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid chart and the LaTeX table: zero bars visible, Wilson whiskers, --quick stated. */
class RecoveryChartTest {

    /** {@code k} successes out of {@code n} runs of one benchmark × variant. */
    private static List<ResultRow> runs(String variant, String benchmark, int k, int n) {
        List<ResultRow> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(new ResultRow(variant, benchmark, s, s < k, 10, 1000, 1.0, s < k ? 1.0 : 0.5, s < k ? 0 : 0.1,
                    "x1", 0.1, 3, "x1"));
        }
        return out;
    }

    private static ResultsTable table(List<ResultRow> rows) {
        return ResultsTable.of("grid_1", rows, List.of(), List.of(), List.of());
    }

    @Test
    void allZeroRecoveriesStillDrawEveryBar() throws Exception {
        List<ResultRow> rows = new ArrayList<>(runs("dsr", "Nguyen-1", 0, 10));
        rows.addAll(runs("dsr", "Nguyen-2", 0, 10));
        RecoveryChart chart = new RecoveryChart(table(rows), false);
        List<RecoveryChart.Bar> bars = chart.bars();
        assertEquals(3, bars.size(), "two benchmarks and the average");
        RecoveryChart.Bar first = bars.get(0);
        assertEquals(0.0, first.rate());
        assertEquals(0.0, first.lo());
        assertEquals(100 * io.dsr4j.train.report.Wilson.interval95(0, 10).hi(), first.hi(), 1e-9);

        // rendered: the series colour appears inside the plot at each bar (legend hidden so it cannot count)
        XYChart xy = chart.chart();
        xy.getStyler().setLegendVisible(false);
        BufferedImage img = BitmapEncoder.getBufferedImage(xy);
        Color fill = xy.getSeriesMap().get("dsr").getFillColor();
        List<Integer> columns = new ArrayList<>();
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if (img.getRGB(x, y) == fill.getRGB()) {
                    // a whisker's black stroke may split a stub: runs closer than 5 px are one bar
                    if (columns.isEmpty() || x > columns.get(columns.size() - 1) + 5) columns.add(x);
                    else columns.set(columns.size() - 1, x);
                    break;
                }
            }
        }
        assertEquals(3, columns.size(), "three separate stubs of the bar colour: " + columns);
        assertTrue(xy.getSeriesMap().containsKey("Wilson 95 % interval"));
    }

    @Test
    void quickIsStatedOnTheChartTheTablesAndTheReport(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = new ArrayList<>(runs("risk_seeking", "Nguyen-1", 3, 4));
        ResultsTable t = table(rows);
        assertTrue(new RecoveryChart(t, true).chart().getTitle().contains("--quick"));
        assertFalse(new RecoveryChart(t, false).chart().getTitle().contains("--quick"));
        assertTrue(t.markdown(true).contains("--quick"));
        assertFalse(t.markdown(false).contains("--quick"));

        String tex = new LatexTable(t, true).render();
        assertTrue(tex.contains("\\toprule") && tex.contains("\\midrule") && tex.contains("\\bottomrule"), tex);
        assertTrue(tex.contains("risk\\_seeking"), tex);
        assertTrue(tex.contains("75.0 {\\scriptsize["), tex);
        assertTrue(tex.contains("--quick"), tex);
        assertEquals("a\\_b \\& c \\% \\textasciitilde{}", LatexTable.escape("a_b & c % ~"));

        // aggregate: quick comes from settings.yaml; every table, the chart and the report are written
        Files.writeString(dir.resolve(ResultsFile.NAME), ResultRow.HEADER + "\n"
                + String.join("\n", rows.stream().map(ResultRow::csv).toList()) + "\n");
        Files.writeString(dir.resolve(ResumeGuard.SETTINGS), "quick: true\nvariants: {}\n");
        BenchApp.aggregate(dir);
        for (String f : List.of(BenchApp.TABLE_MD, BenchApp.TABLE_CSV, BenchApp.TABLE_TEX, BenchApp.REPORT_MD)) {
            assertTrue(Files.readString(dir.resolve(f)).length() > 20, f);
        }
        assertTrue(Files.readString(dir.resolve(BenchApp.TABLE_MD)).contains("--quick"));
        assertTrue(Files.readString(dir.resolve(BenchApp.REPORT_MD)).contains("--quick"));
        assertTrue(Files.readString(dir.resolve(BenchApp.REPORT_MD)).contains("](recovery.png)"));
        BufferedImage png = ImageIO.read(dir.resolve(BenchApp.CHART_PNG).toFile());
        assertNotNull(png);
    }

    @Test
    void missingCellsHaveNoBarAndReferencesNoWhisker() {
        List<ResultRow> rows = new ArrayList<>(runs("a", "B1", 1, 2));
        rows.addAll(runs("b", "B2", 2, 2));
        ResultsTable t = ResultsTable.of("g", rows, List.of(), List.of(),
                List.of(new Reference("paper", Map.of("B1", 0.5), 0.5)));
        List<RecoveryChart.Bar> bars = new RecoveryChart(t, false).bars();
        // a: B1 + average; b: B2 + average; reference: B1 + average
        assertEquals(6, bars.size(), bars.toString());
        assertTrue(bars.stream().filter(b -> b.series() == 2).allMatch(b -> Double.isNaN(b.lo())));
    }
}
