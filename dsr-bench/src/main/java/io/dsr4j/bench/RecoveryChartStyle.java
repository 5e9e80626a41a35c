package io.dsr4j.bench;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The look the grid's recovery charts share ({@link RecoveryChart}, {@link SummaryChart}, {@link TrendChart}): a
 * recovery-rate axis in percent, bars drawn as filled outlines on an XY chart, and Wilson 95 % intervals drawn as
 * whiskers with caps (XChart's category charts only draw symmetric error bars, and a Wilson interval is not symmetric).
 */
final class RecoveryChartStyle {

    /** Ends the title of a chart of a {@code --quick} grid. */
    static final String QUICK_NOTE = " (--quick run: a smoke test, not a result)";

    private RecoveryChartStyle() { }

    /** An empty chart whose y axis is the recovery rate in percent. */
    static XYChart chart(int width, int height, String title, String xAxisTitle) {
        return new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xAxisTitle)
                .yAxisTitle("recovery rate (%)").build();
    }

    /** The legend under the plot, its entries side by side. */
    static void legendBelow(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    /**
     * Axes for bars in groups at x = 0, 1, ..., each group named in a band {@code labelBand} percentage points deep
     * below 0 (XChart places numeric ticks itself and drops long tick labels, so ticks cannot name the groups
     * reliably): y from −labelBand to 100 with no tick labels below 0, no x ticks, no vertical grid lines, a line at 0.
     */
    static void groupedBarAxes(XYChart chart, List<String> groupNames, double labelBand) {
        var st = chart.getStyler();
        st.setYAxisMin(-labelBand);
        st.setYAxisMax(100.0);
        st.setyAxisTickLabelsFormattingFunction(y -> y < -1e-9 ? " " : String.format(Locale.ROOT, "%.0f", y));
        st.setXAxisMin(-0.5);
        st.setXAxisMax(groupNames.size() - 0.5);
        st.setXAxisTicksVisible(false);
        st.setPlotGridVerticalLinesVisible(false);
        st.setMarkerSize(0);
        for (int g = 0; g < groupNames.size(); g++) {
            chart.addAnnotation(new AnnotationText(groupNames.get(g), g, -labelBand / 2, false));
        }
        chart.addAnnotation(new AnnotationLine(0, false, false));
    }

    /** A series of bars: each bar is four points of {@code xs}/{@code ys}, (l, 0) (l, h) (r, h) (r, 0), filled. */
    static void addBars(XYChart chart, String name, List<Double> xs, List<Double> ys, Color fill, Color outline) {
        XYSeries bars = chart.addSeries(name, xs, ys);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(fill);
        bars.setLineColor(outline);
        bars.setLineWidth(1f);
    }

    /** Adds one whisker from {@code lo} to {@code hi} at {@code x}, with caps {@code cap} wide on each side. */
    static void addWhisker(List<Double> xs, List<Double> ys, double x, double lo, double hi, double cap) {
        addSegment(xs, ys, x, lo, x, hi);
        addSegment(xs, ys, x - cap, lo, x + cap, lo);
        addSegment(xs, ys, x - cap, hi, x + cap, hi);
    }

    /** One line series drawing every whisker of {@code xs}/{@code ys} (see {@link #addWhisker}). */
    static XYSeries addWhiskers(XYChart chart, String name, List<Double> xs, List<Double> ys, Color color, float width) {
        XYSeries w = chart.addSeries(name, xs, ys);
        w.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        w.setMarker(SeriesMarkers.NONE);
        w.setLineColor(color);
        w.setLineStyle(new BasicStroke(width));
        return w;
    }

    /** A segment of a line series; NaN separates it from the next one. */
    private static void addSegment(List<Double> xs, List<Double> ys, double x0, double y0, double x1, double y1) {
        xs.add(x0);
        ys.add(y0);
        xs.add(x1);
        ys.add(y1);
        xs.add(x1);
        ys.add(Double.NaN);
    }
}
