package io.dsr4j.bench;

import io.dsr4j.train.report.PngFiles;
import io.dsr4j.train.report.Wilson;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figure of an ablation study ({@code summary.png}): one bar per variant, in the grid's order, with the recovery
 * rate pooled over the benchmarks (successes / runs of the variant) and the Wilson 95 % interval of that proportion
 * as a whisker; then the average of each reference column (no whisker). The pooled rate equals the table's "average"
 * row when every benchmark has the same number of runs. The interval treats the variant's runs as one sample, so it
 * shows the seed-to-seed uncertainty of the average, not the spread between benchmarks.
 *
 * <p>Drawn like {@link RecoveryChart} ({@link RecoveryChartStyle}); a rate of 0 gets a thin stub.
 */
public final class SummaryChart {

    /** Room below 0 (in percentage points) where the variant names are written. */
    private static final double LABEL_BAND = 9.0;

    private final ResultsTable table;
    private final boolean quick;

    public SummaryChart(ResultsTable table, boolean quick) {
        this.table = table;
        this.quick = quick;
    }

    /** One bar: its label, the pooled counts (0/0 for a reference average) and the rate in percent. */
    record Bar(String label, int successes, int runs, double rate, double lo, double hi) { }

    /** The bars: measured variants in table order (those without runs are left out), then reference averages. */
    List<Bar> bars() {
        List<Bar> out = new ArrayList<>();
        for (String v : table.variants()) {
            ResultsTable.Average a = table.average(v);
            if (a.runs() == 0) continue;
            Wilson w = Wilson.interval95(a.successes(), a.runs());
            out.add(new Bar(v, a.successes(), a.runs(), 100.0 * a.successes() / a.runs(), 100 * w.lo(), 100 * w.hi()));
        }
        for (Reference r : table.references()) {
            if (r.average() != null) {
                out.add(new Bar("reference: " + r.label(), 0, 0, 100 * r.average(), Double.NaN, Double.NaN));
            }
        }
        return out;
    }

    /**
     * Writes the chart (off-screen).
     *
     * @return false, and no file (an old one is removed), when no variant has a finished run
     */
    public boolean write(Path png) throws IOException {
        List<Bar> bars = bars();
        if (bars.stream().noneMatch(b -> b.runs() > 0)) {
            Files.deleteIfExists(png);
            return false;
        }
        try {
            PngFiles.write(chart(bars), png);
        } catch (RuntimeException e) {
            throw new IOException("cannot draw " + png + ": " + e, e);
        }
        return true;
    }

    XYChart chart(List<Bar> bars) {
        int longest = bars.stream().mapToInt(b -> label(b).length()).max().orElse(8);
        int groupPx = Math.max(60, 7 * longest + 16);
        int width = Math.max(700, Math.min(8000, 160 + bars.size() * groupPx));
        String title = table.title() + ": recovery per variant, pooled over " + table.benchmarks().size()
                + " benchmark" + (table.benchmarks().size() == 1 ? "" : "s") + (quick ? RecoveryChartStyle.QUICK_NOTE : "");
        XYChart chart = RecoveryChartStyle.chart(width, 520, title,
                "variant, recovered/runs   (whiskers: Wilson 95 % interval of the pooled runs)");
        chart.getStyler().setLegendVisible(false);
        RecoveryChartStyle.groupedBarAxes(chart, bars.stream().map(SummaryChart::label).toList(), LABEL_BAND);
        Color[] palette = chart.getStyler().getSeriesColors();
        List<Double> wx = new ArrayList<>();
        List<Double> wy = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = b.rate() == 0 ? RecoveryChart.ZERO_STUB : b.rate();
            double l = i - 0.35, r = i + 0.35;
            Color col = b.runs() > 0 ? palette[0] : Color.GRAY;
            RecoveryChartStyle.addBars(chart, b.label(), List.of(l, l, r, r), List.of(0.0, h, h, 0.0), col, col.darker());
            if (!Double.isNaN(b.lo())) RecoveryChartStyle.addWhisker(wx, wy, i, b.lo(), b.hi(), 0.1);
        }
        RecoveryChartStyle.addWhiskers(chart, "Wilson 95 % interval", wx, wy, Color.BLACK, 1.3f);
        return chart;
    }

    private static String label(Bar b) {
        return b.runs() > 0 ? b.label() + "  " + b.successes() + "/" + b.runs() : b.label();
    }
}
