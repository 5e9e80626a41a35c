package io.dsr4j.bench;

/**
 * A grid's {@code figure:} section: recovery against a setting that varies across its variants (the paper's noise
 * figure: {@code x: task.noise, series: task.data_factor}), drawn by {@link TrendChart}. Each variant's values are read
 * from the settings its runs used ({@code settings.yaml}), so the figure cannot disagree with what ran.
 *
 * @param x      dotted config key on the x axis; every variant must set it to a number
 * @param series dotted config key giving one line per value, or null for one line
 */
public record FigureSpec(String x, String series) { }
