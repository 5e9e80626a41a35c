package io.dsr4j.api.settings;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One typed setting a plugin declares: its YAML key, type, default, allowed values and a line of documentation.
 * Immutable. Declare it once as a constant and read it with {@link #read(Params)}, e.g.
 * <pre>{@code
 * static final Setting<Integer> MAX = Setting.integer("max_", 3).range(1, 100).doc("at most this many");
 * ...
 * int max = MAX.read(params);
 * }</pre>
 * The same declaration gives the plugin's default (written into the resolved configuration), the check that
 * {@code ./dsr config} runs before any work, and the line printed by {@code ./dsr plugins --details NAME}.
 *
 * @param <T> the Java type of the value
 */
public final class Setting<T> {

    /** Reads and checks a value; {@code setting} gives the key, default and allowed text. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Params params, Setting<T> setting);
    }

    private final String name;
    private final String type;
    private final T defaultValue;
    private final Object yamlDefault;
    private final String allowed;
    private final String doc;
    private final Reader<T> reader;

    private Setting(String name, String type, T defaultValue, String allowed, String doc, Reader<T> reader) {
        this(name, type, defaultValue, plain(defaultValue), allowed, doc, reader);
    }

    private Setting(String name, String type, T defaultValue, Object yamlDefault, String allowed, String doc,
                    Reader<T> reader) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.yamlDefault = yamlDefault;
        this.allowed = allowed;
        this.doc = doc == null ? "" : doc;
        this.reader = Objects.requireNonNull(reader);
    }

    /** An integer (YAML {@code 12}); any value by default, see {@link #range}. */
    public static Setting<Integer> integer(String name, int def) {
        return new Setting<>(name, "integer", def, "any integer", "", (p, s) -> p.getInt(s.name, s.defaultValue));
    }

    /** A number (YAML {@code 0.5}, {@code 1e-3}, {@code .inf}); any value by default, see {@link #range}. */
    public static Setting<Double> real(String name, double def) {
        return new Setting<>(name, "number", def, "any number", "", (p, s) -> p.getDouble(s.name, s.defaultValue));
    }

    public static Setting<Boolean> bool(String name, boolean def) {
        return new Setting<>(name, "boolean", def, "true or false", "", (p, s) -> p.getBoolean(s.name, s.defaultValue));
    }

    /** Any string (or null when {@code def} is null). */
    public static Setting<String> string(String name, String def) {
        return new Setting<>(name, "string", def, "any string", "", (p, s) -> p.getString(s.name, s.defaultValue));
    }

    /** One of a fixed set of names. */
    public static Setting<String> choice(String name, String def, String... choices) {
        List<String> allowed = List.of(choices);
        return new Setting<>(name, "choice", def, String.join(", ", allowed), "",
                (p, s) -> p.getChoice(s.name, s.defaultValue, allowed));
    }

    /** A list of names ({@code [a, b]}; a single comma-separated string is accepted too). */
    public static Setting<List<String>> stringList(String name, List<String> def) {
        return new Setting<>(name, "list of strings", def == null ? null : List.copyOf(def), "a list of names", "",
                (p, s) -> {
                    List<String> v = p.getStringList(s.name, s.defaultValue);
                    return v == null ? null : List.copyOf(v);
                });
    }

    /** A list of numbers ({@code [1.0, 2.5]}). */
    public static Setting<List<Double>> realList(String name, List<Double> def) {
        return new Setting<>(name, "list of numbers", def == null ? null : List.copyOf(def), "a list of numbers", "",
                (p, s) -> {
                    double[] d = p.getDoubleList(s.name, null);
                    if (d == null) return s.defaultValue;
                    List<Double> out = new ArrayList<>(d.length);
                    for (double v : d) out.add(v);
                    return List.copyOf(out);
                });
    }

    /**
     * A setting with its own reader, for values with a shape of their own (an integer or a list, a duration, ...).
     *
     * @param type    what the value is, for {@code ./dsr plugins --details}, e.g. "integer or list of integers"
     * @param def     the default as written in YAML (Integer/Long, Double, Boolean, String, List, null); the reader
     *                gets it from the section like any written value
     * @param allowed what is allowed, in words
     */
    public static <T> Setting<T> custom(String name, String type, Object def, String allowed, Reader<T> reader) {
        return new Setting<>(name, type, null, plain(def), allowed, "", reader);
    }

    /** This setting with documentation: one short line, shown by {@code ./dsr plugins --details}. */
    public Setting<T> doc(String text) {
        return new Setting<>(name, type, defaultValue, yamlDefault, allowed, text, reader);
    }

    /**
     * This (integer or number) setting restricted to {@code [min, max]}; out-of-range values are reported as
     * "value V is out of range; allowed: ...".
     */
    public Setting<T> range(double min, double max) {
        String text = rangeText(min, max);
        Reader<T> inner = reader;
        return new Setting<>(name, type, defaultValue, yamlDefault, text, doc, (p, s) -> {
            T v = inner.read(p, s);
            if (v instanceof Number n) {
                double d = n.doubleValue();
                p.check(s.name, !Double.isNaN(d) && d >= min && d <= max, v, text);
            }
            return v;
        });
    }

    /** This setting with an extra check on the value read, e.g. {@code .check(v -> v > 0, "greater than 0")}. */
    public Setting<T> check(java.util.function.Predicate<T> ok, String allowedText) {
        Reader<T> inner = reader;
        return new Setting<>(name, type, defaultValue, yamlDefault, allowedText, doc, (p, s) -> {
            T v = inner.read(p, s);
            if (v != null && !ok.test(v)) {
                throw p.error(s.name, "value " + v + " is out of range; allowed: " + allowedText);
            }
            return v;
        });
    }

    private static String rangeText(double min, double max) {
        boolean noMin = min == Double.NEGATIVE_INFINITY || min <= Integer.MIN_VALUE;
        boolean noMax = max == Double.POSITIVE_INFINITY || max >= Integer.MAX_VALUE;
        if (noMin && noMax) return "any number";
        if (noMin) return "at most " + num(max);
        if (noMax) return "at least " + num(min);
        return num(min) + " to " + num(max);
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * The value in {@code params} (its default when absent or null), type- and range-checked; marks the key as read.
     *
     * @throws ConfigException naming the file, line, key and what is allowed
     */
    public T read(Params params) {
        return reader.read(params, this);
    }

    /** The YAML key. */
    public String name() { return name; }

    /** The kind of value, e.g. "integer", "choice", "list of strings". */
    public String type() { return type; }

    /** The default value (may be null; null for {@link #custom} settings, see {@link #defaultYaml()}). */
    public T defaultValue() { return defaultValue; }

    /** What is allowed, in words, e.g. "1 to 64" or "lstm, gru". */
    public String allowed() { return allowed; }

    /** One line of documentation (may be empty). */
    public String doc() { return doc; }

    /** The default as a plain YAML value (numbers, strings, booleans, lists, null). */
    public Object defaultYaml() { return yamlDefault; }

    private static Object plain(Object v) {
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof List<?> l) return l.stream().map(Setting::plain).toList();
        return v;
    }

    @Override
    public String toString() {
        return name + " (" + type + ", default " + defaultYaml() + "; " + allowed + ")";
    }
}
