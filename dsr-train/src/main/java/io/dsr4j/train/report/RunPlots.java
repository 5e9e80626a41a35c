package io.dsr4j.train.report;

import io.dsr4j.programs.data.QuotedCsv;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two plots of one seed, drawn with XChart at the end of the seed (never during training):
 * <ul>
 *   <li>{@code training.png}: per iteration the best reward so far, the batch maximum, the estimator's baseline (for
 *       the risk-seeking gradient the top-ε quantile of the batch), the mean reward of the kept top-ε subset and of the
 *       whole batch, read from {@code iterations.csv};</li>
 *   <li>{@code pareto.png}: the Pareto front, complexity against training reward (left) and against test NMSE on a
 *       log scale (right).</li>
 * </ul>
 */
public final class RunPlots {

    public static final String TRAINING_PNG = "training.png";
    public static final String PARETO_PNG = "pareto.png";

    /** NMSE values below this are drawn at it (an exact recovery has NMSE 0, which a log axis cannot show). */
    static final double NMSE_FLOOR = 1e-16;

    /** At most this many points per curve (longer runs are thinned evenly; the last iteration is always kept). */
    static final int MAX_POINTS = 4000;

    /** One program of the Pareto front. */
    public record ParetoPoint(double complexity, double reward, double nmseTest) { }

    private RunPlots() { }

    /**
     * @param baselineLabel legend text of the {@code baseline} column (it depends on the estimator)
     */
    public static void trainingCurve(Path iterationsCsv, String title, String baselineLabel, Path png) throws IOException {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("r_best", "best so far");
        columns.put("r_max", "batch max");
        columns.put("baseline", baselineLabel);
        columns.put("r_avg_sub", "mean of the kept subset");
        columns.put("r_avg_full", "batch mean");
        Map<String, List<double[]>> series = readColumns(iterationsCsv, columns.keySet());
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("iteration")
                .yAxisTitle("reward").build();
        style(chart);
        for (Map.Entry<String, String> c : columns.entrySet()) {
            List<double[]> pts = series.get(c.getKey());
            if (pts.isEmpty()) continue;
            XYSeries s = chart.addSeries(c.getValue(), xs(pts), ys(pts));
            s.setMarker(SeriesMarkers.NONE);
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no iterations recorded", new double[]{0}, new double[]{0}).setMarker(SeriesMarkers.NONE);
        }
        PngFiles.write(chart, png);
    }

    public static void paretoFront(List<ParetoPoint> front, String title, Path png) throws IOException {
        XYChart reward = new XYChartBuilder().width(600).height(480).title(title + ": Pareto front")
                .xAxisTitle("complexity").yAxisTitle("reward (training)").build();
        XYChart error = new XYChartBuilder().width(600).height(480).title(title + ": test error")
                .xAxisTitle("complexity").yAxisTitle("NMSE (test), log scale").build();
        style(reward);
        style(error);
        error.getStyler().setYAxisLogarithmic(true);
        List<double[]> r = new ArrayList<>();
        List<double[]> e = new ArrayList<>();
        for (ParetoPoint p : front) {
            if (Double.isFinite(p.complexity()) && Double.isFinite(p.reward())) r.add(new double[]{p.complexity(), p.reward()});
            if (Double.isFinite(p.complexity()) && Double.isFinite(p.nmseTest())) {
                e.add(new double[]{p.complexity(), Math.max(NMSE_FLOOR, p.nmseTest())});
            }
        }
        if (r.isEmpty()) r.add(new double[]{0, 0});
        if (e.isEmpty()) e.add(new double[]{0, 1});
        reward.addSeries("Pareto front", xs(r), ys(r)).setMarker(SeriesMarkers.CIRCLE);
        error.addSeries("test NMSE (" + NMSE_FLOOR + " and below drawn at " + NMSE_FLOOR + ")", xs(e), ys(e))
                .setMarker(SeriesMarkers.CIRCLE);
        PngFiles.write(List.of(reward, error), 2, png);
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setPlotGridLinesVisible(true);
    }

    /**
     * The finite (iteration, value) pairs of each wanted column; thinned to {@link #MAX_POINTS}. Only the wanted
     * columns are kept while reading (as numbers), not the whole file's rows.
     */
    static Map<String, List<double[]>> readColumns(Path csv, Iterable<String> wanted) throws IOException {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (String w : wanted) out.put(w, new ArrayList<>());
        List<String> names = new ArrayList<>(out.keySet());
        int[] cols = new int[names.size()];
        int it;
        double[][] values; // [row][0 = iteration, 1.. = wanted columns], NaN where missing
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String h = in.readLine();
            if (h == null) return out;
            List<String> header = QuotedCsv.split(h);
            it = header.indexOf("iteration");
            for (int c = 0; c < cols.length; c++) cols[c] = header.indexOf(names.get(c));
            values = new double[64][];
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                List<String> row = QuotedCsv.split(line);
                double[] v = new double[cols.length + 1];
                v[0] = it >= 0 && it < row.size() ? parse(row.get(it)) : rows;
                for (int c = 0; c < cols.length; c++) {
                    v[c + 1] = cols[c] >= 0 && cols[c] < row.size() ? parse(row.get(cols[c])) : Double.NaN;
                }
                if (rows == values.length) values = java.util.Arrays.copyOf(values, rows * 2);
                values[rows++] = v;
            }
        }
        int step = Math.max(1, (rows + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < rows; i++) {
            if (i % step != 0 && i != rows - 1) continue;
            double x = values[i][0];
            for (int c = 0; c < cols.length; c++) {
                double y = values[i][c + 1];
                if (Double.isFinite(x) && Double.isFinite(y)) out.get(names.get(c)).add(new double[]{x, y});
            }
        }
        return out;
    }

    private static double parse(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double[] xs(List<double[]> pts) {
        return pts.stream().mapToDouble(p -> p[0]).toArray();
    }

    private static double[] ys(List<double[]> pts) {
        return pts.stream().mapToDouble(p -> p[1]).toArray();
    }
}
