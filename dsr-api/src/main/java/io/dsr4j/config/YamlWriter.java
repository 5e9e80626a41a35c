package io.dsr4j.config;

import io.dsr4j.api.config.ConfigNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link ConfigNode} tree as block-style YAML that {@link YamlConfigReader} reads back to the same values
 * and types: strings that would read as something else (numbers, booleans, null, YAML 1.1 words like {@code yes})
 * are quoted, doubles always carry a decimal point or exponent, infinities are {@code .inf}.
 */
public final class YamlWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./+()-]*( [A-Za-z0-9_./+()-]+)*");
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("[-+0-9].*|\\.[0-9].*|\\.(inf|Inf|INF|nan|NaN|NAN)");
    private static final Set<String> RESERVED = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n");

    private YamlWriter() { }

    /** The tree as a YAML document (a mapping root is written without braces). */
    public static String write(ConfigNode root) {
        StringBuilder sb = new StringBuilder();
        if (root instanceof ConfigNode.MapNode m && !m.entries().isEmpty()) writeMap(sb, m.entries(), 0);
        else if (root instanceof ConfigNode.ListNode l && !l.items().isEmpty() && !isFlow(root)) writeList(sb, l.items(), 0);
        else sb.append(flow(root)).append('\n');
        return sb.toString();
    }

    private static void writeMap(StringBuilder sb, Map<String, ConfigNode> entries, int indent) {
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            writeValue(sb, e.getValue(), indent);
        }
    }

    private static void writeList(StringBuilder sb, List<ConfigNode> items, int indent) {
        for (ConfigNode item : items) {
            sb.append(" ".repeat(indent)).append('-');
            if (item instanceof ConfigNode.MapNode m && !m.entries().isEmpty()) {
                // "- k: v" with the following keys aligned under k
                StringBuilder inner = new StringBuilder();
                writeMap(inner, m.entries(), indent + 2);
                sb.append(' ').append(inner.substring(indent + 2));
            } else if (item instanceof ConfigNode.ListNode l && !isFlow(item)) {
                sb.append('\n');
                writeList(sb, l.items(), indent + 2);
            } else {
                sb.append(' ').append(flow(item)).append('\n');
            }
        }
    }

    private static void writeValue(StringBuilder sb, ConfigNode v, int indent) {
        if (v instanceof ConfigNode.MapNode m && !m.entries().isEmpty()) {
            sb.append('\n');
            writeMap(sb, m.entries(), indent + 2);
        } else if (v instanceof ConfigNode.ListNode l && !isFlow(v)) {
            sb.append('\n');
            writeList(sb, l.items(), indent + 2);
        } else {
            sb.append(' ').append(flow(v)).append('\n');
        }
    }

    /** Lists of scalars (and empty collections) are written inline: {@code [add, mul, 1.0]}. */
    private static boolean isFlow(ConfigNode n) {
        if (n instanceof ConfigNode.ScalarNode) return true;
        if (n instanceof ConfigNode.MapNode m) return m.entries().isEmpty();
        return ((ConfigNode.ListNode) n).items().stream().allMatch(i -> i instanceof ConfigNode.ScalarNode);
    }

    private static String flow(ConfigNode n) {
        if (n instanceof ConfigNode.ScalarNode s) return scalar(s.value());
        if (n instanceof ConfigNode.MapNode m) {
            StringBuilder sb = new StringBuilder("{");
            m.entries().forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(key(k)).append(": ").append(flow(v)));
            return sb.append('}').toString();
        }
        StringBuilder sb = new StringBuilder("[");
        for (ConfigNode i : ((ConfigNode.ListNode) n).items()) sb.append(sb.length() > 1 ? ", " : "").append(flow(i));
        return sb.append(']').toString();
    }

    /** One scalar in YAML syntax. */
    public static String scalar(Object v) {
        if (v == null) return "null";
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer) return v.toString();
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) return ".nan";
            if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
            return Double.toString(d).replace("E", "e"); // always has '.' or 'E': reads back as a double, not an integer
        }
        return string(v.toString());
    }

    private static String key(String k) {
        // Keys are always strings for our reader, so 'on:' stays readable (no YAML 1.1 quoting).
        return PLAIN.matcher(k).matches() ? k : quote(k);
    }

    private static String string(String s) {
        boolean plain = PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))
                && !NUMERIC_LOOKING.matcher(s).matches();
        return plain ? s : quote(s);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
