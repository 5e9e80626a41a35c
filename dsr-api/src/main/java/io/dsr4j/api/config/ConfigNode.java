package io.dsr4j.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the location it came from: a map, a list or a scalar (String, Long, Double, Boolean or null).
 * Merging (defaults ← file ← --set) keeps the location of the value that wins, so errors point at the right line.
 */
public sealed interface ConfigNode permits ConfigNode.MapNode, ConfigNode.ListNode, ConfigNode.ScalarNode {

    Location location();

    /** Plain Java value: LinkedHashMap, ArrayList or scalar. */
    Object toPlain();

    /** What this node is, for error messages: "a mapping", "a list", "null" or the quoted scalar. */
    default String describe() {
        if (this instanceof MapNode) return "a mapping";
        if (this instanceof ListNode) return "a list";
        Object v = ((ScalarNode) this).value();
        return v == null ? "null" : "'" + v + "'";
    }

    /**
     * A mapping. {@code keyLocations} holds where each key itself was written (a YAML file's keys); errors about a
     * key rather than its value (an unknown key) point there. A key without an entry is located at its value.
     */
    record MapNode(LinkedHashMap<String, ConfigNode> entries, Location location, Map<String, Location> keyLocations)
            implements ConfigNode {

        public MapNode {
            keyLocations = Map.copyOf(keyLocations);
        }

        /** A mapping whose keys are located at their values (built from Java values or a command-line override). */
        public MapNode(LinkedHashMap<String, ConfigNode> entries, Location location) {
            this(entries, location, Map.of());
        }

        public Map<String, ConfigNode> view() { return Collections.unmodifiableMap(entries); }

        /** Where {@code key} itself was written; its value's location when unknown, this mapping's when absent. */
        public Location keyLocation(String key) {
            Location k = keyLocations.get(key);
            if (k != null) return k;
            ConfigNode v = entries.get(key);
            return v == null ? location : v.location();
        }

        /** The value of {@code key}, or null if absent. */
        public ConfigNode get(String key) { return entries.get(key); }

        @Override
        public Object toPlain() {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            entries.forEach((k, v) -> m.put(k, v.toPlain()));
            return m;
        }
    }

    record ListNode(List<ConfigNode> items, Location location) implements ConfigNode {
        @Override
        public Object toPlain() {
            List<Object> l = new ArrayList<>();
            items.forEach(i -> l.add(i.toPlain()));
            return l;
        }
    }

    record ScalarNode(Object value, Location location) implements ConfigNode {
        @Override
        public Object toPlain() { return value; }
    }

    /** Deep merge: maps merge recursively, anything else (lists included) is replaced by {@code over}. */
    static ConfigNode merge(ConfigNode base, ConfigNode over) {
        if (base instanceof MapNode b && over instanceof MapNode o) {
            LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>(b.entries());
            Map<String, Location> keys = new HashMap<>(b.keyLocations());
            o.entries().forEach((k, v) -> {
                boolean bothMaps = m.get(k) instanceof MapNode && v instanceof MapNode;
                m.merge(k, v, ConfigNode::merge);
                // the key where its value comes from; two merged mappings keep the first key written if over has none
                Location at = o.keyLocations().get(k);
                if (at != null) keys.put(k, at);
                else if (!bothMaps) keys.remove(k);
            });
            return new MapNode(m, o.location(), keys);
        }
        return over;
    }

    /**
     * The node at a dotted key path ({@code "prior.length.max_"}), or null when any step is missing or not a
     * mapping.
     */
    static ConfigNode find(ConfigNode root, String keyPath) {
        ConfigNode n = root;
        for (String part : keyPath.split("\\.")) {
            if (!(n instanceof MapNode m)) return null;
            n = m.entries().get(part);
            if (n == null) return null;
        }
        return n;
    }

    /** Deep copy with every node moved to {@code at} (e.g. to mark a tree as built-in defaults). */
    static ConfigNode relocate(ConfigNode n, Location at) {
        if (n instanceof MapNode m) {
            LinkedHashMap<String, ConfigNode> e = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> e.put(k, relocate(v, at)));
            return new MapNode(e, at);
        }
        if (n instanceof ListNode l) {
            List<ConfigNode> items = new ArrayList<>();
            l.items().forEach(i -> items.add(relocate(i, at)));
            return new ListNode(items, at);
        }
        return new ScalarNode(((ScalarNode) n).value(), at);
    }

    /** Builds a node tree from plain Java values, all at one location. */
    static ConfigNode of(Object plain, Location at) {
        if (plain instanceof ConfigNode n) return n;
        if (plain instanceof Map<?, ?> map) {
            LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), of(v, at)));
            return new MapNode(m, at);
        }
        if (plain instanceof List<?> list) {
            List<ConfigNode> l = new ArrayList<>();
            list.forEach(v -> l.add(of(v, at)));
            return new ListNode(l, at);
        }
        if (plain != null && plain.getClass().isArray()) {
            List<ConfigNode> l = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(plain); i++) l.add(of(java.lang.reflect.Array.get(plain, i), at));
            return new ListNode(l, at);
        }
        if (plain instanceof Integer || plain instanceof Short || plain instanceof Byte) {
            return new ScalarNode(((Number) plain).longValue(), at);
        }
        if (plain instanceof Float || plain instanceof java.math.BigDecimal) return new ScalarNode(((Number) plain).doubleValue(), at);
        if (plain instanceof Enum<?> e) return new ScalarNode(e.name().toLowerCase(java.util.Locale.ROOT), at);
        if (plain == null || plain instanceof Long || plain instanceof Double || plain instanceof Boolean
                || plain instanceof String) {
            return new ScalarNode(plain, at);
        }
        // Paths, Durations, ...: their text, as a user would write it
        return new ScalarNode(plain.toString(), at);
    }
}
