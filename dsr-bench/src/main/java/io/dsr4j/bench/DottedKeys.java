package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Configuration overrides written as dotted key paths ({@code training.n_samples: 20000}): validation, nesting into
 * the section tree the run configuration uses, and a canonical form for comparing settings.
 */
public final class DottedKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    private DottedKeys() { }

    /** Whether {@code key} is a dot-separated path of names. */
    static boolean isKeyPath(String key) {
        for (String part : key.split("\\.", -1)) {
            if (!SEGMENT.matcher(part).matches()) return false;
        }
        return true;
    }

    /**
     * Nests dotted keys into section maps, in order: {@code {a.b: 1, a.c: 2}} becomes {@code {a: {b: 1, c: 2}}}.
     * Values that are maps merge with what is already there; a later scalar replaces an earlier one.
     *
     * @throws ConfigException when one key treats as a section what another set to a value (names both)
     */
    public static Map<String, Object> nest(Map<String, ?> dotted, String where) {
        return nest(dotted, key -> where);
    }

    /** As {@link #nest(Map, String)}, a conflict named at {@code whereOf} the later key (e.g. its line in a grid file). */
    static Map<String, Object> nest(Map<String, ?> dotted, java.util.function.Function<String, String> whereOf) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : dotted.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Map<String, Object> node = out;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.get(parts[i]);
                if (child == null) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(parts[i], child);
                } else if (!(child instanceof Map)) {
                    throw new ConfigException(whereOf.apply(e.getKey()) + ": key '" + e.getKey() + "' goes inside '"
                            + String.join(".", java.util.Arrays.copyOf(parts, i + 1)) + "', which is set to a value ("
                            + child + ") by another key; set one or the other");
                }
                node = asMap(child);
            }
            String last = parts[parts.length - 1];
            Object value = deepCopy(e.getValue());
            node.put(last, node.get(last) instanceof Map && value instanceof Map
                    ? merge(asMap(node.get(last)), asMap(value)) : value);
        }
        return out;
    }

    /** Deep merge of nested plain maps: maps merge recursively, anything else in {@code over} replaces. */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = asMap(deepCopy(base));
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object old = out.get(e.getKey());
            out.put(e.getKey(), old instanceof Map && e.getValue() instanceof Map
                    ? merge(asMap(old), asMap(e.getValue())) : deepCopy(e.getValue()));
        }
        return out;
    }

    /** The value at a dotted path of a nested map, or null. */
    static Object get(Map<String, Object> nested, String keyPath) {
        Object node = nested;
        for (String part : keyPath.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) return null;
            node = m.get(part);
        }
        return node;
    }

    /** Whether a dotted path is present in a nested map. */
    static boolean contains(Map<String, Object> nested, String keyPath) {
        String[] parts = keyPath.split("\\.");
        Object node = nested;
        for (int i = 0; i < parts.length; i++) {
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(parts[i])) return false;
            node = m.get(parts[i]);
        }
        return true;
    }

    /** Removes a dotted path from a nested map (no-op when absent). */
    static void remove(Map<String, Object> nested, String keyPath) {
        String[] parts = keyPath.split("\\.");
        Object node = nested;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(node instanceof Map<?, ?> m)) return;
            node = m.get(parts[i]);
        }
        if (node instanceof Map<?, ?> m) m.remove(parts[parts.length - 1]);
    }

    /**
     * A form in which equal settings compare equal: maps sorted by key, numbers (and strings that are numbers) as
     * normalised decimals, so {@code 2000000}, {@code 2.0e6} and {@code "2e6"} are the same value.
     */
    static Object canonical(Object v) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), canonical(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(canonical(x)));
            return out;
        }
        if (v instanceof Number n && !(n instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                return s;
            }
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(deepCopy(x)));
            return out;
        }
        return v;
    }
}
