package io.dsr4j.bench;

import io.dsr4j.train.report.PngFiles;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Bar chart of the recovery rate per benchmark × variant (plus the reference columns and the averages) with the
 * Wilson 95 % interval of every measured bar as a whisker, as a PNG.
 *
 * <p>Drawn as an XChart XY chart (one filled outline per series, one whisker series) because XChart's category
 * charts only draw symmetric error bars, and a Wilson interval is not symmetric. A measured rate of 0 is drawn as a
 * thin stub so that "no recovery" stays visible and distinct from "no runs" (no bar); a chart of a {@code --quick}
 * grid says so in its title.
 */
public final class RecoveryChart {

    /** Height (in percentage points) of the stub drawn for a measured rate of 0. */
    static final double ZERO_STUB = 1.0;

    /** Room below 0 (in percentage points) where the benchmark names are written. */
    private static final double LABEL_BAND = 7.0;

    /** Horizontal space per benchmark in pixels, and the share of it the bars fill. */
    private static final int GROUP_PX = 34;
    private static final double GROUP_FILL = 0.8;

    private final ResultsTable table;
    private final boolean quick;

    /** @param quick the results come from a {@code --quick} run of the grid */
    public RecoveryChart(ResultsTable table, boolean quick) {
        this.table = table;
        this.quick = quick;
    }

    /**
     * Writes the chart to {@code png} (rendered off-screen; works without a display).
     *
     * @return false, and no chart (an old one is removed), when there is nothing to draw: no finished run and no
     *         reference column (XChart cannot draw a chart without series)
     */
    public boolean write(Path png) throws IOException {
        if (table.variants().isEmpty() && table.references().isEmpty()) {
            java.nio.file.Files.deleteIfExists(png);
            return false;
        }
        try {
            PngFiles.write(chart(), png);
        } catch (RuntimeException e) {
            throw new IOException("cannot draw " + png + ": " + e, e);
        }
        return true;
    }

    /** One bar of the chart: its series, group (benchmark index) and values in percent; NaN interval: none. */
    record Bar(int series, int group, double rate, double lo, double hi) { }

    /** The bars, in series order (variants, then reference columns); cells without results have no bar. */
    List<Bar> bars() {
        List<Bar> out = new ArrayList<>();
        List<String> bs = table.benchmarks();
        int s = 0;
        for (String v : table.variants()) {
            for (int g = 0; g < bs.size(); g++) {
                ResultsTable.Cell c = table.cell(bs.get(g), v);
                if (c != null) out.add(new Bar(s, g, 100 * c.rate(), 100 * c.interval().lo(), 100 * c.interval().hi()));
            }
            ResultsTable.Average a = table.average(v);
            if (!Double.isNaN(a.rate())) out.add(new Bar(s, bs.size(), 100 * a.rate(), Double.NaN, Double.NaN));
            s++;
        }
        for (Reference r : table.references()) {
            for (int g = 0; g < bs.size(); g++) {
                Double x = r.rates().get(bs.get(g));
                if (x != null) out.add(new Bar(s, g, 100 * x, Double.NaN, Double.NaN));
            }
            if (r.average() != null) out.add(new Bar(s, bs.size(), 100 * r.average(), Double.NaN, Double.NaN));
            s++;
        }
        return out;
    }

    XYChart chart() {
        List<String> groups = new ArrayList<>(table.benchmarks());
        groups.add("average");
        List<String> names = new ArrayList<>(table.variants());
        for (Reference r : table.references()) names.add("reference: " + r.label());
        int series = Math.max(1, names.size());
        int longest = groups.stream().mapToInt(String::length).max().orElse(4);
        int groupPx = Math.max(Math.max(GROUP_PX, 10 * series), 8 * longest + 14); // names never overlap
        int width = Math.max(900, Math.min(8000, 160 + groups.size() * groupPx));
        String title = table.title() + ": recovery rate" + (quick ? RecoveryChartStyle.QUICK_NOTE : "");
        XYChart chart = RecoveryChartStyle.chart(width, 560, title,
                "benchmark   (whiskers: Wilson 95 % interval; thin bar: 0 recovered; no bar: no runs)");
        RecoveryChartStyle.legendBelow(chart);
        RecoveryChartStyle.groupedBarAxes(chart, groups, LABEL_BAND);

        double slot = GROUP_FILL / series;
        List<Bar> bars = bars();
        Color[] palette = chart.getStyler().getSeriesColors();
        for (int s = 0; s < names.size(); s++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Bar b : bars) {
                if (b.series() != s) continue;
                double c = b.group() - GROUP_FILL / 2 + slot * (s + 0.5);
                double h = b.rate() == 0 ? ZERO_STUB : b.rate();
                double l = c - 0.42 * slot, r = c + 0.42 * slot;
                xs.addAll(List.of(l, l, r, r));
                ys.addAll(List.of(0.0, h, h, 0.0));
            }
            if (xs.isEmpty()) continue;
            Color col = palette[s % palette.length];
            // opaque fill (the palette's colours are translucent), so that neighbouring bars stay distinct
            RecoveryChartStyle.addBars(chart, names.get(s), xs, ys, new Color(col.getRed(), col.getGreen(), col.getBlue()),
                    col.darker());
        }
        addWhiskers(chart, bars, slot);
        return chart;
    }

    /** One line series drawing every interval: a vertical stroke with caps per bar, separated by NaN gaps. */
    private static void addWhiskers(XYChart chart, List<Bar> bars, double slot) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Bar b : bars) {
            if (Double.isNaN(b.lo())) continue;
            double c = b.group() - GROUP_FILL / 2 + slot * (b.series() + 0.5);
            RecoveryChartStyle.addWhisker(xs, ys, c, b.lo(), b.hi(), 0.25 * slot);
        }
        if (xs.isEmpty()) return;
        RecoveryChartStyle.addWhiskers(chart, "Wilson 95 % interval", xs, ys, Color.BLACK, 1.3f);
    }
}
