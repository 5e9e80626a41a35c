package io.dsr4j.api.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict, typed access to one YAML mapping (a config section or a plugin's own keys). Every getter records the key
 * as used; {@link #requireAllUsed()} then reports any key nobody read as unknown, with a "did you mean". Type and
 * range errors name the file, line, column and key path.
 */
public final class Params {

    private final String path;
    private final ConfigNode.MapNode node;
    private final ConfigNode.MapNode defaults;
    private final Map<String, Set<Object>> alsoDefaults;
    private final Set<String> used = new LinkedHashSet<>();
    private final Map<String, Params> children = new LinkedHashMap<>();

    public Params(String path, ConfigNode.MapNode node) {
        this(path, node, null);
    }

    /**
     * @param defaults the built-in defaults of this section, or null: a key nobody reads is still accepted when it
     *                 holds exactly its default value (so a resolved config written to a run directory loads back
     *                 even though the chosen plugin ignores other plugins' default keys)
     */
    public Params(String path, ConfigNode.MapNode node, ConfigNode.MapNode defaults) {
        this(path, node, defaults, Map.of());
    }

    /**
     * @param alsoDefaults per key, further values that count as a default (the defaults of the other plugins of the
     *                     same kind, so that a file carrying another policy's or estimator's defaults still loads)
     */
    public Params(String path, ConfigNode.MapNode node, ConfigNode.MapNode defaults, Map<String, Set<Object>> alsoDefaults) {
        this.path = path;
        this.node = node;
        this.defaults = defaults;
        this.alsoDefaults = Map.copyOf(alsoDefaults);
    }

    /** An empty section (for programmatic use and tests). */
    public static Params empty(String path) {
        return new Params(path, new ConfigNode.MapNode(new LinkedHashMap<>(), Location.DEFAULTS));
    }

    /** Params over plain Java values (for programmatic use and tests). */
    public static Params of(String path, Map<String, ?> values) {
        return new Params(path, (ConfigNode.MapNode) ConfigNode.of(values, Location.DEFAULTS));
    }

    public String path() { return path; }

    public ConfigNode.MapNode node() { return node; }

    public Location location() { return node.location(); }

    public Set<String> keys() { return node.entries().keySet(); }

    public boolean has(String key) { return node.entries().containsKey(key); }

    /** The full dotted key path of {@code key} in this section, e.g. {@code "policy.num_units"}. */
    public String keyPath(String key) { return path.isEmpty() ? key : path + "." + key; }

    /** Where {@code key} was set; the section's location if it is absent. */
    public Location locationOf(String key) {
        ConfigNode n = node.entries().get(key);
        return n == null ? location() : n.location();
    }

    /**
     * Where {@code key} itself was written (errors about the key rather than its value, such as an unknown key, point
     * here); its value's location when the key's own is unknown, the section's if it is absent.
     */
    public Location keyLocationOf(String key) {
        return node.keyLocation(key);
    }

    /**
     * A user error about {@code key} in the standard shape "FILE:LINE:COL: key 'a.b': problem"; plugins use this
     * for their own checks, e.g. {@code throw params.error("epsilon", "must be in (0, 1]; found 0")}.
     */
    public ConfigException error(String key, String problem) {
        return ConfigException.at(locationOf(key), keyPath(key), problem);
    }

    /** Throws {@link #error} with "value V is out of range; allowed: ALLOWED" unless {@code ok}. */
    public void check(String key, boolean ok, Object value, String allowed) {
        if (!ok) throw error(key, "value " + value + " is out of range; allowed: " + allowed);
    }

    /** Marks a key as consumed without reading it (e.g. a key the framework handles). */
    public void markUsed(String key) { used.add(key); }

    private ConfigNode raw(String key) {
        used.add(key);
        return node.entries().get(key);
    }

    private ConfigException typeError(String key, ConfigNode n, String expected) {
        return ConfigException.at(n.location(), keyPath(key), "expected " + expected + " but found " + n.describe());
    }

    public boolean isNull(String key) {
        ConfigNode n = node.entries().get(key);
        return n instanceof ConfigNode.ScalarNode s && s.value() == null;
    }

    public double getDouble(String key, double def) {
        ConfigNode n = raw(key);
        if (n == null || (n instanceof ConfigNode.ScalarNode s0 && s0.value() == null)) return def;
        if (n instanceof ConfigNode.ScalarNode s) {
            if (s.value() instanceof Number num) return num.doubleValue();
            if (s.value() instanceof String str) {
                try {
                    return Double.parseDouble(str.trim());
                } catch (NumberFormatException ignored) {
                    // fall through to the error
                }
            }
        }
        throw typeError(key, n, "a number");
    }

    public double getDouble(String key, double def, double min, double max) {
        double v = getDouble(key, def);
        check(key, v >= min && v <= max, v, rangeText(min, max, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        return v;
    }

    public long getLong(String key, long def) {
        ConfigNode n = raw(key);
        if (n == null || (n instanceof ConfigNode.ScalarNode s0 && s0.value() == null)) return def;
        if (n instanceof ConfigNode.ScalarNode s) {
            if (s.value() instanceof Long l) return l;
            if (s.value() instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15) return d.longValue();
            if (s.value() instanceof String str) {
                try {
                    return Long.parseLong(str.trim());
                } catch (NumberFormatException ignored) {
                    try {
                        double d = Double.parseDouble(str.trim());
                        if (d == Math.rint(d)) return (long) d;
                    } catch (NumberFormatException ignored2) {
                        // error below
                    }
                }
            }
        }
        throw typeError(key, n, "an integer");
    }

    private static String rangeText(double min, double max, double noMin, double noMax) {
        String lo = num(min), hi = num(max);
        if (min == noMin && max == noMax) return "any number";
        if (min == noMin) return "at most " + hi;
        if (max == noMax) return "at least " + lo;
        return lo + " to " + hi;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    public int getInt(String key, int def) {
        long v = getLong(key, def);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw ConfigException.at(node.entries().get(key).location(), keyPath(key), "integer " + v + " is too large");
        }
        return (int) v;
    }

    public int getInt(String key, int def, int min, int max) {
        int v = getInt(key, def);
        check(key, v >= min && v <= max, v, rangeText(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE));
        return v;
    }

    /** Integer that may be null (e.g. {@code min_: null}). */
    public Integer getIntOrNull(String key, Integer def) {
        if (!has(key)) {
            used.add(key);
            return def;
        }
        if (isNull(key)) {
            used.add(key);
            return null;
        }
        return getInt(key, 0);
    }

    public boolean getBoolean(String key, boolean def) {
        ConfigNode n = raw(key);
        if (n == null || (n instanceof ConfigNode.ScalarNode s0 && s0.value() == null)) return def;
        if (n instanceof ConfigNode.ScalarNode s) {
            if (s.value() instanceof Boolean b) return b;
            if (s.value() instanceof String str) {
                if (str.equalsIgnoreCase("true")) return true;
                if (str.equalsIgnoreCase("false")) return false;
            }
        }
        throw typeError(key, n, "true or false");
    }

    public String getString(String key, String def) {
        ConfigNode n = raw(key);
        if (n == null) return def;
        if (n instanceof ConfigNode.ScalarNode s) return s.value() == null ? null : String.valueOf(s.value());
        throw typeError(key, n, "a string");
    }

    /** A string that must be one of {@code allowed}. */
    public String getChoice(String key, String def, Collection<String> allowed) {
        String v = getString(key, def);
        if (v != null && !allowed.contains(v)) {
            ConfigNode n = node.entries().get(key);
            throw ConfigException.at(n == null ? location() : n.location(), keyPath(key),
                    "'" + v + "' is not allowed; allowed: " + String.join(", ", new TreeSet<>(allowed))
                            + Suggestions.hint(v, allowed));
        }
        return v;
    }

    /** A list of strings; a single comma-separated string is accepted too (as the reference does). */
    public List<String> getStringList(String key, List<String> def) {
        ConfigNode n = raw(key);
        if (n == null || (n instanceof ConfigNode.ScalarNode s0 && s0.value() == null)) return def;
        List<String> out = new ArrayList<>();
        if (n instanceof ConfigNode.ListNode l) {
            for (ConfigNode item : l.items()) {
                if (!(item instanceof ConfigNode.ScalarNode s)) throw typeError(key, item, "a list of scalars");
                out.add(s.value() == null ? "null" : scalarString(s.value()));
            }
            return out;
        }
        if (n instanceof ConfigNode.ScalarNode s && s.value() != null) {
            for (String part : scalarString(s.value()).split(",")) {
                if (!part.isBlank()) out.add(part.trim());
            }
            return out;
        }
        throw typeError(key, n, "a list");
    }

    private static String scalarString(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return String.valueOf(d);
        return String.valueOf(v);
    }

    public double[] getDoubleList(String key, double[] def) {
        ConfigNode n = raw(key);
        if (n == null || (n instanceof ConfigNode.ScalarNode s0 && s0.value() == null)) return def;
        if (n instanceof ConfigNode.ListNode l) {
            double[] out = new double[l.items().size()];
            for (int i = 0; i < out.length; i++) {
                ConfigNode item = l.items().get(i);
                if (item instanceof ConfigNode.ScalarNode s && s.value() instanceof Number num) out[i] = num.doubleValue();
                else throw typeError(key, item, "a list of numbers");
            }
            return out;
        }
        throw typeError(key, n, "a list of numbers");
    }

    /** Raw node of a key (null if absent), marking it used. */
    public ConfigNode getNode(String key) { return raw(key); }

    /** A nested mapping; an absent key gives an empty section. Its unused keys are checked by {@link #requireAllUsed()}. */
    public Params child(String key) {
        Params p = children.get(key);
        if (p != null) return p;
        ConfigNode n = raw(key);
        ConfigNode.MapNode m;
        if (n == null || (n instanceof ConfigNode.ScalarNode s && s.value() == null)) {
            m = new ConfigNode.MapNode(new LinkedHashMap<>(), location());
        } else if (n instanceof ConfigNode.MapNode mm) {
            m = mm;
        } else {
            throw typeError(key, n, "a mapping");
        }
        ConfigNode d = defaults == null ? null : defaults.entries().get(key);
        p = new Params(keyPath(key), m, d instanceof ConfigNode.MapNode dm ? dm : null);
        children.put(key, p);
        return p;
    }

    private static boolean fromDefaults(ConfigNode n) {
        if (n.location() != Location.DEFAULTS) return false;
        if (n instanceof ConfigNode.MapNode m) return m.entries().values().stream().allMatch(Params::fromDefaults);
        return true;
    }

    /** An unread key is fine if it came from the defaults or still holds its default value. */
    private boolean ignorable(String key, ConfigNode value) {
        if (fromDefaults(value)) return true;
        ConfigNode d = defaults == null ? null : defaults.entries().get(key);
        if (d != null && java.util.Objects.equals(d.toPlain(), value.toPlain())) return true;
        Set<Object> others = alsoDefaults.get(key);
        return others != null && others.contains(value.toPlain());
    }

    /** Fails on the first key that no getter read, naming it with its location and the known keys. */
    public void requireAllUsed() {
        requireAllUsed(List.of());
    }

    /** Like {@link #requireAllUsed()}, with extra names to offer as suggestions. */
    public void requireAllUsed(Collection<String> alsoAllowed) {
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            // Defaults that the chosen plugin does not read are fine; only a user's keys must be understood.
            if (!used.contains(e.getKey()) && !ignorable(e.getKey(), e.getValue())) {
                Set<String> known = new TreeSet<>(used);
                known.addAll(alsoAllowed);
                throw ConfigException.at(keyLocationOf(e.getKey()), keyPath(e.getKey()),
                        "unknown key" + Suggestions.hint(e.getKey(), known)
                                + (known.isEmpty() ? "; this section takes no keys" : "; allowed keys: " + String.join(", ", known)));
            }
        }
        for (Params c : children.values()) c.requireAllUsed();
    }
}
