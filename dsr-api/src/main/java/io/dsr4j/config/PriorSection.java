package io.dsr4j.config;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.ConfigNode;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.settings.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the {@code prior} section: {@code prior: {NAME: {on: true, ...keys}}}. A prior may also be given as a
 * list of such mappings (several instances, e.g. several {@code relational} constraints); {@code index} tells them
 * apart. {@code on} is optional and defaults to true when the user wrote the entry (the built-in defaults always
 * say it explicitly); {@code NAME: true|false} is short for {@code NAME: {on: true|false}}. {@link #parse} is the one
 * reader of the section: the config loader and dsr-programs' PriorSet both use it.
 *
 * @param name     prior name (the plugin name)
 * @param index    position in a list of instances, or -1 for a single mapping
 * @param on       whether the prior is enabled
 * @param node     the entry's keys (including {@code on})
 * @param defaults the entry's core defaults (whether it is on by default), or null
 * @param settings what the prior plugin declares: its own defaults and checks ({@link Settings#UNDECLARED} when
 *                 not known)
 */
public record PriorSection(String name, int index, boolean on, ConfigNode.MapNode node, ConfigNode.MapNode defaults,
                           Settings settings) {

    public PriorSection {
        Objects.requireNonNull(name);
        Objects.requireNonNull(node);
        settings = settings == null ? Settings.UNDECLARED : settings;
    }

    /** An entry without the plugin's declarations (programmatic use and tests). */
    public PriorSection(String name, int index, boolean on, ConfigNode.MapNode node, ConfigNode.MapNode defaults) {
        this(name, index, on, node, defaults, Settings.UNDECLARED);
    }

    /** Reads a {@code prior} section without plugin declarations; see {@link #parse(ConfigNode.MapNode, ConfigNode.MapNode, PluginSettings)}. */
    public static List<PriorSection> parse(ConfigNode.MapNode section, ConfigNode.MapNode defaults) {
        return parse(section, defaults, PluginSettings.NONE);
    }

    /**
     * Reads a {@code prior} section: NAME → mapping, list of mappings, or true/false.
     *
     * @param section  the section (prior name → value), in the user's order
     * @param defaults the core defaults of the section, or null
     * @param plugins  the installed priors' declarations (each entry gets its prior's defaults)
     * @throws ConfigException for a malformed entry or a non-boolean {@code on}, naming file, line and key
     */
    public static List<PriorSection> parse(ConfigNode.MapNode section, ConfigNode.MapNode defaults,
                                           PluginSettings plugins) {
        List<PriorSection> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : section.entries().entrySet()) {
            String name = e.getKey();
            Settings settings = plugins.settingsOf(PluginKind.PRIOR, name);
            ConfigNode value = e.getValue();
            ConfigNode d = defaults == null ? null : defaults.get(name);
            ConfigNode.MapNode dm = d instanceof ConfigNode.MapNode m ? m : null;
            if (value instanceof ConfigNode.MapNode m) {
                out.add(entry(name, -1, m, dm, settings));
            } else if (value instanceof ConfigNode.ListNode l) {
                for (int i = 0; i < l.items().size(); i++) {
                    ConfigNode item = l.items().get(i);
                    if (!(item instanceof ConfigNode.MapNode m)) {
                        throw ConfigException.at(item.location(), "prior." + name + "[" + i + "]",
                                "expected a mapping such as {on: true, ...} but found " + item.describe());
                    }
                    out.add(entry(name, i, m, null, settings));
                }
            } else if (value instanceof ConfigNode.ScalarNode s && s.value() instanceof Boolean on) {
                // shorthand: "trig: false" is "trig: {on: false}"
                LinkedHashMap<String, ConfigNode> m = new LinkedHashMap<>();
                m.put("on", s);
                out.add(new PriorSection(name, -1, on, new ConfigNode.MapNode(m, section.keyLocation(name)), dm, settings));
            } else {
                throw ConfigException.at(value.location(), "prior." + name,
                        "expected a mapping such as {on: true, ...}, true/false, or a list of mappings, but found "
                                + value.describe());
            }
        }
        return out;
    }

    private static PriorSection entry(String name, int index, ConfigNode.MapNode m, ConfigNode.MapNode defaults,
                                      Settings settings) {
        boolean on = !fromDefaults(m); // an entry the user wrote is on unless it says otherwise
        ConfigNode n = m.get("on");
        if (n != null) {
            if (!(n instanceof ConfigNode.ScalarNode s) || !(s.value() instanceof Boolean b)) {
                throw ConfigException.at(n.location(), "prior." + name + (index >= 0 ? "[" + index + "]" : "") + ".on",
                        "expected true or false but found " + n.describe());
            }
            on = b;
        }
        return new PriorSection(name, index, on, m, defaults, settings);
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

    /** The entry with the prior's declared defaults filled in under what was written (for {@code on} entries). */
    public ConfigNode.MapNode effectiveNode() {
        return on ? PluginSection.withDefaults(node, settings) : node;
    }

    /** The prior's own keys (its declared defaults filled in), {@code on} already consumed. */
    public Params params() {
        Params p = new Params(keyPath(), PluginSection.withDefaults(node, settings), defaults);
        p.markUsed("on");
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriorSection other && name.equals(other.name) && index == other.index && on == other.on
                && effectiveNode().toPlain().equals(other.effectiveNode().toPlain());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, on, effectiveNode().toPlain());
    }

    @Override
    public String toString() {
        return keyPath() + effectiveNode().toPlain();
    }
}
