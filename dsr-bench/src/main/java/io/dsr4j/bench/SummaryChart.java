package io.dsr4j.bench;

import io.dsr4j.train.report.PngFiles;
import io.dsr4j.train.report.Wilson;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figure of an ablation study ({@code summary.png}): one bar per variant, in the grid's order, with the recovery
 * rate pooled over the benchmarks (successes / runs of the variant) and the Wilson 95 % interval of that proportion
 * as a whisker; then the average of each reference column (no whisker). The pooled rate equals the table's "average"
 * row when every benchmark has the same number of runs. The interval treats the variant's runs as one sample, so it
 * shows the seed-to-seed uncertainty of the average, not the spread between benchmarks.
 *
 * <p>Drawn like {@link RecoveryChart} (filled outlines on an XY chart) because XChart's category charts only draw
 * symmetric error bars; a rate of 0 gets a thin stub.
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
                + " benchmark" + (table.benchmarks().size() == 1 ? "" : "s") + (quick ? " (--quick run: a smoke test, not a result)" : "");
        XYChart chart = new XYChartBuilder().width(width).height(520).title(title)
                .xAxisTitle("variant, recovered/runs   (whiskers: Wilson 95 % interval of the pooled runs)")
                .yAxisTitle("recovery rate (%)").build();
        var st = chart.getStyler();
        st.setLegendVisible(false);
        st.setYAxisMin(-LABEL_BAND);
        st.setYAxisMax(100.0);
        st.setyAxisTickLabelsFormattingFunction(y -> y < -1e-9 ? " " : String.format(Locale.ROOT, "%.0f", y));
        st.setXAxisMin(-0.5);
        st.setXAxisMax(bars.size() - 0.5);
        st.setXAxisTicksVisible(false);
        st.setPlotGridVerticalLinesVisible(false);
        st.setMarkerSize(0);
        chart.addAnnotation(new AnnotationLine(0, false, false));
        Color[] palette = st.getSeriesColors();
        List<Double> wx = new ArrayList<>();
        List<Double> wy = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            chart.addAnnotation(new AnnotationText(label(b), i, -LABEL_BAND / 2, false));
            double h = b.rate() == 0 ? RecoveryChart.ZERO_STUB : b.rate();
            double l = i - 0.35, r = i + 0.35;
            XYSeries xy = chart.addSeries(b.label(), List.of(l, l, r, r), List.of(0.0, h, h, 0.0));
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            xy.setMarker(SeriesMarkers.NONE);
            Color col = b.runs() > 0 ? palette[0] : Color.GRAY;
            xy.setFillColor(col);
            xy.setLineColor(col.darker());
            xy.setLineWidth(1f);
            if (!Double.isNaN(b.lo())) {
                addSegment(wx, wy, i, b.lo(), i, b.hi());
                addSegment(wx, wy, i - 0.1, b.lo(), i + 0.1, b.lo());
                addSegment(wx, wy, i - 0.1, b.hi(), i + 0.1, b.hi());
            }
        }
        XYSeries w = chart.addSeries("Wilson 95 % interval", wx, wy);
        w.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        w.setMarker(SeriesMarkers.NONE);
        w.setLineColor(Color.BLACK);
        w.setLineStyle(new BasicStroke(1.3f));
        return chart;
    }

    private static String label(Bar b) {
        return b.runs() > 0 ? b.label() + "  " + b.successes() + "/" + b.runs() : b.label();
    }

    /** A segment of a line series; NaN separates it from the next one. */
    static void addSegment(List<Double> xs, List<Double> ys, double x0, double y0, double x1, double y1) {
        xs.add(x0);
        ys.add(y0);
        xs.add(x1);
        ys.add(y1);
        xs.add(x1);
        ys.add(Double.NaN);
    }
}
