package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.settings.Settings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A section that selects a plugin by {@code type} and passes it the remaining keys: {@code policy},
 * {@code estimator}, {@code training.const_optimizer}. Immutable; {@link #params()} gives a fresh {@link Params} for
 * the plugin to read (then call {@link Params#requireAllUsed()} to reject keys it does not understand).
 *
 * @param path     key path of the section, e.g. {@code "policy"}
 * @param type     the plugin name ({@code type} key)
 * @param node     the section as written after merging the core defaults, the file and {@code --set} (including
 *                 {@code type}), without the plugin's own defaults
 * @param defaults the section's core defaults (keys left at their default value are never "unknown"), or null
 * @param kind     the plugin kind the section selects, or null when unknown (programmatic use)
 * @param settings what the selected plugin declares ({@link Settings#UNDECLARED} when not known)
 * @param others   what the other plugins of the same kind declare (their defaults are not "unknown" keys)
 */
public record PluginSection(String path, String type, ConfigNode.MapNode node, ConfigNode.MapNode defaults,
                            PluginKind kind, Settings settings, List<Settings> others) {

    public PluginSection {
        Objects.requireNonNull(path);
        Objects.requireNonNull(type);
        Objects.requireNonNull(node);
        settings = settings == null ? Settings.UNDECLARED : settings;
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** A section without plugin declarations (programmatic use and tests). */
    public PluginSection(String path, String type, ConfigNode.MapNode node, ConfigNode.MapNode defaults) {
        this(path, type, node, defaults, null, Settings.UNDECLARED, List.of());
    }

    /** The section with the selected plugin's defaults filled in under what was written: what the plugin reads. */
    public ConfigNode.MapNode effectiveNode() {
        return withDefaults(node, settings);
    }

    /** The section's keys for the plugin (its declared defaults filled in), with {@code type} already consumed. */
    public Params params() {
        Params p = new Params(path, effectiveNode(), defaults, alsoDefaults(others));
        p.markUsed("type");
        return p;
    }

    /** {@code node} over the declared defaults (located at {@link Location#DEFAULTS}), in declaration order. */
    static ConfigNode.MapNode withDefaults(ConfigNode.MapNode node, Settings settings) {
        Map<String, Object> d = settings.defaults();
        if (d.isEmpty()) return node;
        LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>();
        // keys written before the plugin's (type, framework keys) keep their place
        node.entries().forEach((k, v) -> { if (!d.containsKey(k)) m.put(k, v); });
        d.forEach((k, v) -> m.put(k, node.entries().containsKey(k) ? node.entries().get(k) : ConfigNode.of(v, Location.DEFAULTS)));
        return new ConfigNode.MapNode(m, node.location(), node.keyLocations());
    }

    static Map<String, Set<Object>> alsoDefaults(List<Settings> others) {
        Map<String, Set<Object>> m = new LinkedHashMap<>();
        for (Settings s : others) s.defaults().forEach((k, v) -> m.computeIfAbsent(k, x -> new HashSet<>()).add(v));
        return m;
    }

    /** Where {@code type} was set (for "unknown policy" messages). */
    public Location typeLocation() {
        ConfigNode n = node.get("type");
        return n == null ? node.location() : n.location();
    }

    /** Key path of {@code type}, e.g. {@code "policy.type"}. */
    public String typeKeyPath() { return path + ".type"; }

    static PluginSection from(Params parent, String key, ConfigNode.MapNode parentDefaults, PluginKind kind,
                              PluginSettings plugins) {
        Params section = parent.child(key);
        String keyPath = section.path();
        if (!section.has("type") || section.isNull("type")) {
            throw ConfigException.at(section.location(), keyPath + ".type",
                    "missing; the section '" + keyPath + "' needs 'type: NAME' to choose an implementation "
                            + "(./dsr plugins lists the names)");
        }
        ConfigNode t = section.node().get("type");
        if (!(t instanceof ConfigNode.ScalarNode s) || !(s.value() instanceof String name) || name.isBlank()) {
            throw ConfigException.at(t.location(), keyPath + ".type",
                    "expected a name but found " + t.describe());
        }
        // The plugin validates its own keys later; mark them here so the parent's unknown-key check skips them.
        section.node().entries().keySet().forEach(section::markUsed);
        ConfigNode d = parentDefaults == null ? null : parentDefaults.get(key);
        String type = name.trim();
        return new PluginSection(keyPath, type, section.node(), d instanceof ConfigNode.MapNode dm ? dm : null, kind,
                plugins.settingsOf(kind, type), plugins.allOf(kind));
    }

    /** Equal when the plugin and every value it reads (its defaults included) are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PluginSection other && path.equals(other.path) && type.equals(other.type)
                && effectiveNode().toPlain().equals(other.effectiveNode().toPlain());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, type, effectiveNode().toPlain());
    }

    @Override
    public String toString() {
        return path + effectiveNode().toPlain();
    }
}
