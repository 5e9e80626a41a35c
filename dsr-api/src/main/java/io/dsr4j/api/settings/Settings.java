package io.dsr4j.api.settings;

import io.dsr4j.api.config.Params;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a plugin declares: every key it reads from its YAML section, with type, default, allowed values and
 * documentation. Immutable. The config layer uses it to fill in the plugin's defaults, to check a section before
 * any work ({@code ./dsr config} rejects what a run would), and to print {@code ./dsr plugins --details NAME}.
 */
public final class Settings {

    /** A plugin that takes no settings: any key in its section is an error. */
    public static final Settings NONE = new Settings(List.of(), true);

    /**
     * A plugin that has not declared its settings (written before settings existed): its section is checked only
     * when a run builds it, and it has no defaults of its own.
     */
    public static final Settings UNDECLARED = new Settings(List.of(), false);

    private final List<Setting<?>> list;
    private final boolean declared;

    private Settings(List<Setting<?>> list, boolean declared) {
        this.list = List.copyOf(list);
        this.declared = declared;
        Map<String, Setting<?>> seen = new LinkedHashMap<>();
        for (Setting<?> s : list) {
            if (seen.put(s.name(), s) != null) throw new IllegalArgumentException("setting '" + s.name() + "' declared twice");
        }
    }

    public static Settings of(Setting<?>... settings) {
        return new Settings(List.of(settings), true);
    }

    public static Settings of(Collection<? extends Setting<?>> settings) {
        return new Settings(new ArrayList<>(settings), true);
    }

    /** These settings followed by {@code more} (e.g. shared settings plus a plugin's own). */
    public Settings and(Setting<?>... more) {
        List<Setting<?>> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return new Settings(all, true);
    }

    /** False for {@link #UNDECLARED}. */
    public boolean declared() { return declared; }

    /** The settings in declaration order. */
    public List<Setting<?>> list() { return list; }

    /** The setting called {@code name}, or null. */
    public Setting<?> get(String name) {
        for (Setting<?> s : list) if (s.name().equals(name)) return s;
        return null;
    }

    /** Key → default value as plain YAML values, in declaration order (what the plugin contributes to the defaults). */
    public Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Setting<?> s : list) m.put(s.name(), s.defaultYaml());
        return m;
    }

    /**
     * Reads every declared setting from {@code params} (type and range checks), then rejects any key that neither
     * these settings nor an earlier reader of {@code params} used (unknown key, with "did you mean").
     * Does nothing for {@link #UNDECLARED}.
     *
     * @throws io.dsr4j.api.config.ConfigException naming file, line and key
     */
    public void validate(Params params) {
        if (!declared) return;
        for (Setting<?> s : list) s.read(params);
        params.requireAllUsed();
    }

    @Override
    public String toString() {
        return declared ? list.toString() : "(undeclared)";
    }
}
