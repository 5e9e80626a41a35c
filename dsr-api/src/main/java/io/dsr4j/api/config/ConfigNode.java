package io.dsr4j.api.config;

import java.util.ArrayList;
import java.util.Collections;
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

    record MapNode(LinkedHashMap<String, ConfigNode> entries, Location location) implements ConfigNode {
        public Map<String, ConfigNode> view() { return Collections.unmodifiableMap(entries); }

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
            o.entries().forEach((k, v) -> m.merge(k, v, ConfigNode::merge));
            return new MapNode(m, o.location());
        }
        return over;
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
        if (plain instanceof Integer i) return new ScalarNode(i.longValue(), at);
        if (plain instanceof Float f) return new ScalarNode(f.doubleValue(), at);
        return new ScalarNode(plain, at);
    }
}
