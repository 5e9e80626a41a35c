package io.dsr4j.api.config;

import java.util.Objects;

/**
 * A section that selects a plugin by {@code type} and passes it the remaining keys: {@code policy},
 * {@code estimator}, {@code training.const_optimizer}. Immutable; {@link #params()} gives a fresh {@link Params} for
 * the plugin to read (then call {@link Params#requireAllUsed()} to reject keys it does not understand).
 *
 * @param path     key path of the section, e.g. {@code "policy"}
 * @param type     the plugin name ({@code type} key)
 * @param node     the whole section as written after merging (including {@code type})
 * @param defaults the section's built-in defaults (keys left at their default value are never "unknown"), or null
 */
public record PluginSection(String path, String type, ConfigNode.MapNode node, ConfigNode.MapNode defaults) {

    public PluginSection {
        Objects.requireNonNull(path);
        Objects.requireNonNull(type);
        Objects.requireNonNull(node);
    }

    /** The section's keys for the plugin, with {@code type} already consumed. */
    public Params params() {
        Params p = new Params(path, node, defaults);
        p.markUsed("type");
        return p;
    }

    /** Where {@code type} was set (for "unknown policy" messages). */
    public Location typeLocation() {
        ConfigNode n = node.get("type");
        return n == null ? node.location() : n.location();
    }

    /** Key path of {@code type}, e.g. {@code "policy.type"}. */
    public String typeKeyPath() { return path + ".type"; }

    static PluginSection from(Params parent, String key, ConfigNode.MapNode parentDefaults) {
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
                    "expected a name but found " + YamlConfigReader.describe(t));
        }
        // The plugin validates its own keys later; mark them here so the parent's unknown-key check skips them.
        section.node().entries().keySet().forEach(section::markUsed);
        ConfigNode d = parentDefaults == null ? null : parentDefaults.get(key);
        return new PluginSection(keyPath, name.trim(), section.node(), d instanceof ConfigNode.MapNode dm ? dm : null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginSection other && path.equals(other.path) && type.equals(other.type)
                && node.toPlain().equals(other.node.toPlain());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, type, node.toPlain());
    }

    @Override
    public String toString() {
        return path + node.toPlain();
    }
}
