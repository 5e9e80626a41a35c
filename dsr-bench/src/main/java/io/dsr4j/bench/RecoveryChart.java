package io.dsr4j.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Bar chart of recovery rate per benchmark × variant (plus reference columns and the averages), as a PNG. */
public final class RecoveryChart {

    private RecoveryChart() { }

    /**
     * Writes the chart to {@code png} (rendered off-screen; works without a display).
     *
     * @return false, and no chart (an old one is removed), when there is nothing to draw: no finished run and no
     *         reference column (XChart cannot draw a chart without series)
     */
    public static boolean write(ResultsTable table, Path png) throws IOException {
        if (table.variants().isEmpty() && table.references().isEmpty()) {
            Files.deleteIfExists(png);
            return false;
        }
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        List<String> categories = new ArrayList<>(table.benchmarks());
        categories.add("average");
        int groups = categories.size();
        int series = table.variants().size() + table.references().size();
        int width = Math.max(800, Math.min(4000, 120 + groups * (30 + 14 * series)));
        CategoryChart chart = new CategoryChartBuilder().width(width).height(500)
                .title(table.title() + ": recovery rate").xAxisTitle("benchmark").yAxisTitle("recovery rate (%)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setXAxisLabelRotation(groups > 12 ? 45 : 0);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);

        for (String v : table.variants()) {
            List<Double> y = new ArrayList<>();
            for (String b : table.benchmarks()) {
                ResultsTable.Cell c = table.cell(b, v);
                y.add(c == null ? 0.0 : 100 * c.rate()); // no results: an empty bar
            }
            double avg = table.average(v).rate();
            y.add(Double.isNaN(avg) ? 0.0 : 100 * avg);
            chart.addSeries(v, categories, y);
        }
        for (Reference r : table.references()) {
            List<Double> y = new ArrayList<>();
            for (String b : table.benchmarks()) {
                Double x = r.rates().get(b);
                y.add(x == null ? 0.0 : 100 * x);
            }
            y.add(r.average() == null ? 0.0 : 100 * r.average());
            chart.addSeries("reference: " + r.label(), categories, y);
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        String name = png.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) throw new IllegalArgumentException("not a .png file: " + png);
        // BitmapEncoder appends the extension itself; render to a temp name, then move into place atomically.
        Path tmp = png.resolveSibling("." + name.substring(0, name.length() - 4) + ".tmp");
        Path written = tmp.resolveSibling(tmp.getFileName() + ".png");
        try {
            BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(written, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (RuntimeException e) {
            throw new IOException("cannot draw " + png + ": " + e, e);
        } finally {
            Files.deleteIfExists(written); // a failed or interrupted write leaves no .recovery.tmp.png
        }
        return true;
    }
}
