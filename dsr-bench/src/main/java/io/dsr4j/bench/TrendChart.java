package io.dsr4j.bench;

import io.dsr4j.train.report.PngFiles;
import io.dsr4j.train.report.Wilson;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figure a grid declares with {@code figure: {x: KEY, series: KEY}} ({@code trend.png}): recovery rate pooled over
 * the benchmarks (successes / runs) against the x setting, one line per value of the series setting, with the Wilson
 * 95 % interval of every point as a whisker. The paper's noise figure is {@code x: task.noise, series:
 * task.data_factor}. Each variant's x and series values come from the settings its runs used; variants with the same
 * x and series value are pooled into one point. Lines are shifted sideways by a few pixels so their whiskers do not
 * hide each other.
 */
public final class TrendChart {

    /** One point: x, and the variants' pooled runs. */
    public record Point(double x, int successes, int runs, Wilson interval) {
        public double rate() {
            return (double) successes / runs;
        }
    }

    /** One line: the series value (null without a series key) and its points in increasing x. */
    public record Line(Object value, List<Point> points) { }

    private final ResultsTable table;
    private final FigureSpec figure;
    private final Map<String, Map<String, Object>> settings;
    private final boolean quick;

    /**
     * @param settings each variant's settings (nested maps, as recorded in settings.yaml); variants without settings
     *                 or without a numeric x value are left out of the figure
     */
    public TrendChart(ResultsTable table, FigureSpec figure, Map<String, Map<String, Object>> settings, boolean quick) {
        this.table = table;
        this.figure = figure;
        this.settings = settings;
        this.quick = quick;
    }

    /** The lines, in the order their series values first appear among the table's variants. */
    public List<Line> lines() {
        Map<String, Object> seriesValues = new LinkedHashMap<>();
        Map<String, TreeMap<Double, int[]>> counts = new LinkedHashMap<>();
        for (String v : table.variants()) {
            Map<String, Object> s = settings.get(v);
            if (s == null || !(DottedKeys.get(s, figure.x()) instanceof Number x)) continue;
            Object sv = figure.series() == null ? null : DottedKeys.get(s, figure.series());
            String key = String.valueOf(DottedKeys.canonical(sv));
            seriesValues.putIfAbsent(key, sv);
            ResultsTable.Average a = table.average(v);
            if (a.runs() == 0) continue;
            int[] c = counts.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(x.doubleValue(), k -> new int[2]);
            c[0] += a.successes();
            c[1] += a.runs();
        }
        List<Line> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Double, int[]>> e : counts.entrySet()) {
            List<Point> points = new ArrayList<>();
            e.getValue().forEach((x, c) -> points.add(new Point(x, c[0], c[1], Wilson.interval95(c[0], c[1]))));
            out.add(new Line(seriesValues.get(e.getKey()), points));
        }
        return out;
    }

    /** The x key of the figure. */
    public String xKey() {
        return figure.x();
    }

    /** "task.data_factor = 10", or "recovery" without a series key. */
    public String label(Line line) {
        return figure.series() == null ? "recovery" : figure.series() + " = " + number(line.value());
    }

    /** A number as written in a YAML file (1, 0.05), anything else as it is. */
    static String number(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /**
     * Writes the chart (off-screen).
     *
     * @return false, and no file (an old one is removed), when no variant with an x value has a finished run
     */
    public boolean write(Path png) throws IOException {
        List<Line> lines = lines();
        if (lines.isEmpty()) {
            Files.deleteIfExists(png);
            return false;
        }
        try {
            PngFiles.write(chart(lines), png);
        } catch (RuntimeException e) {
            throw new IOException("cannot draw " + png + ": " + e, e);
        }
        return true;
    }

    XYChart chart(List<Line> lines) {
        double min = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Point::x).min().orElse(0);
        double max = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Point::x).max().orElse(1);
        double span = max > min ? max - min : 1;
        String title = table.title() + ": recovery vs " + figure.x() + ", pooled over " + table.benchmarks().size()
                + " benchmark" + (table.benchmarks().size() == 1 ? "" : "s") + (quick ? RecoveryChartStyle.QUICK_NOTE : "");
        XYChart chart = RecoveryChartStyle.chart(900, 560, title,
                figure.x() + "   (whiskers: Wilson 95 % interval of the pooled runs)");
        RecoveryChartStyle.legendBelow(chart);
        var st = chart.getStyler();
        st.setYAxisMin(0.0);
        st.setYAxisMax(100.0);
        st.setXAxisMin(min - 0.05 * span);
        st.setXAxisMax(max + 0.05 * span);
        st.setMarkerSize(8);
        Color[] palette = st.getSeriesColors();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            double dodge = (i - (lines.size() - 1) / 2.0) * 0.006 * span;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> wx = new ArrayList<>();
            List<Double> wy = new ArrayList<>();
            for (Point p : line.points()) {
                double x = p.x() + dodge;
                xs.add(x);
                ys.add(100 * p.rate());
                RecoveryChartStyle.addWhisker(wx, wy, x, 100 * p.interval().lo(), 100 * p.interval().hi(), 0.008 * span);
            }
            Color col = palette[i % palette.length];
            XYSeries s = chart.addSeries(label(line), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(col);
            s.setMarkerColor(col);
            RecoveryChartStyle.addWhiskers(chart, label(line) + " (Wilson 95 %)", wx, wy, col, 1.2f).setShowInLegend(false);
        }
        return chart;
    }
}
