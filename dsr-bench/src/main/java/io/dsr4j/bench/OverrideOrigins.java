package io.dsr4j.bench;

import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a grid file wrote a run's overrides, so that an error in a variant names the grid file's line and column of
 * the key or value at fault. The runs themselves are built from the plain override values ({@link RunSpec}); these
 * trees only lend their locations to them.
 */
final class OverrideOrigins {

    private OverrideOrigins() { }

    /**
     * A grid mapping of dotted keys ({@code {training.n_samples: 20000}}) nested into sections like
     * {@link DottedKeys#nest}, every node keeping its place in the grid file and every key the place of the dotted key
     * that wrote it; later keys win, as in the runs.
     */
    static ConfigNode.MapNode nest(ConfigNode.MapNode dotted) {
        ConfigNode out = new ConfigNode.MapNode(new LinkedHashMap<>(), dotted.location());
        for (Map.Entry<String, ConfigNode> e : dotted.entries().entrySet()) {
            Location keyAt = dotted.keyLocation(e.getKey());
            String[] parts = e.getKey().split("\\.");
            ConfigNode n = e.getValue();
            for (int i = parts.length - 1; i >= 0; i--) {
                LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>();
                m.put(parts[i], n);
                n = new ConfigNode.MapNode(m, keyAt, Map.of(parts[i], keyAt));
            }
            out = ConfigNode.merge(out, n);
        }
        return (ConfigNode.MapNode) out;
    }

    /** The trees in the order they apply (nulls skipped), merged; null when all are null. */
    static ConfigNode.MapNode merge(ConfigNode.MapNode... trees) {
        ConfigNode out = null;
        for (ConfigNode.MapNode t : trees) {
            if (t != null) out = out == null ? t : ConfigNode.merge(out, t);
        }
        return (ConfigNode.MapNode) out;
    }

    /**
     * {@code values} with the locations of {@code origin} wherever it has the same keys: the same values, now naming
     * the grid file's line and column in messages. The lent locations have line 0, like the single location the run
     * tree had before, so relative paths among the values resolve exactly as they do in the run itself.
     */
    static ConfigNode lend(ConfigNode values, ConfigNode origin) {
        if (origin == null) return values;
        Location at = forMessages(origin.location());
        if (values instanceof ConfigNode.MapNode v && origin instanceof ConfigNode.MapNode o) {
            LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
            Map<String, Location> keys = new HashMap<>(v.keyLocations());
            v.entries().forEach((k, value) -> {
                ConfigNode from = o.get(k);
                entries.put(k, lend(value, from));
                if (from != null) keys.put(k, forMessages(o.keyLocation(k)));
            });
            return new ConfigNode.MapNode(entries, at, keys);
        }
        if (values instanceof ConfigNode.ListNode v && origin instanceof ConfigNode.ListNode o) {
            List<ConfigNode> items = new ArrayList<>();
            for (int i = 0; i < v.items().size(); i++) {
                items.add(i < o.items().size() ? lend(v.items().get(i), o.items().get(i)) : v.items().get(i));
            }
            return new ConfigNode.ListNode(items, at);
        }
        if (values instanceof ConfigNode.ScalarNode s && origin instanceof ConfigNode.ScalarNode) {
            return new ConfigNode.ScalarNode(s.value(), at);
        }
        return values;
    }

    /** "FILE:LINE:COL" as a place to name, with no line (a line would make relative paths resolve against FILE). */
    private static Location forMessages(Location inFile) {
        return inFile.line() > 0 ? new Location(inFile.toString(), 0, 0) : inFile;
    }

    /** Whether {@code where} is a place in {@code gridFile} lent by {@link #lend}. */
    static boolean inGridFile(Location where, Path gridFile) {
        return where != null && where.line() == 0 && where.source().startsWith(gridFile + ":");
    }
}
