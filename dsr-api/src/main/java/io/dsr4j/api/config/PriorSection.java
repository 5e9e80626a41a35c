package io.dsr4j.api.config;

import java.util.Objects;

/**
 * One entry of the {@code prior} section: {@code prior: {NAME: {on: true, ...keys}}}. A prior may also be given as a
 * list of such mappings (several instances, e.g. several {@code relational} constraints); {@code index} tells them
 * apart. {@code on} is optional and defaults to true when the user wrote the entry (the built-in defaults always
 * say it explicitly).
 *
 * @param name     prior name (the plugin name)
 * @param index    position in a list of instances, or -1 for a single mapping
 * @param on       whether the prior is enabled
 * @param node     the entry's keys (including {@code on})
 * @param defaults the entry's built-in defaults, or null
 */
public record PriorSection(String name, int index, boolean on, ConfigNode.MapNode node, ConfigNode.MapNode defaults) {

    public PriorSection {
        Objects.requireNonNull(name);
        Objects.requireNonNull(node);
    }

    /** {@code prior.NAME} or {@code prior.NAME[i]}. */
    public String keyPath() {
        return "prior." + name + (index >= 0 ? "[" + index + "]" : "");
    }

    /** Where the entry was written. */
    public Location location() { return node.location(); }

    /** True when the entry differs from the built-in defaults (so a typo in a prior name is caught even when off). */
    public boolean userWritten() {
        return !fromDefaults(node) && !(defaults != null && defaults.toPlain().equals(node.toPlain()));
    }

    private static boolean fromDefaults(ConfigNode n) {
        if (n.location() != Location.DEFAULTS) return false;
        if (n instanceof ConfigNode.MapNode m) return m.entries().values().stream().allMatch(PriorSection::fromDefaults);
        return true;
    }

    /** The prior's own keys, {@code on} already consumed. */
    public Params params() {
        Params p = new Params(keyPath(), node, defaults);
        p.markUsed("on");
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriorSection other && name.equals(other.name) && index == other.index && on == other.on
                && node.toPlain().equals(other.node.toPlain());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, on, node.toPlain());
    }

    @Override
    public String toString() {
        return keyPath() + node.toPlain();
    }
}
