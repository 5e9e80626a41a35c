package io.dsr4j.config;

import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.settings.Settings;

import java.util.List;

/**
 * Where the configuration layer finds what each installed plugin declares ({@link Settings}): the plugin's own
 * defaults and checks. {@link io.dsr4j.config.PluginRegistry} is the implementation a run uses; {@link #NONE}
 * (no plugins known) leaves plugin sections exactly as written.
 */
public interface PluginSettings {

    /** No plugins known: plugin sections get no defaults of their own and are checked only when a run builds them. */
    PluginSettings NONE = new PluginSettings() {
        @Override
        public Settings settingsOf(PluginKind kind, String name) { return Settings.UNDECLARED; }

        @Override
        public List<Settings> allOf(PluginKind kind) { return List.of(); }
    };

    /** What the plugin registered as {@code name} declares; {@link Settings#UNDECLARED} when unknown. */
    Settings settingsOf(PluginKind kind, String name);

    /** What every plugin of this kind declares (a key holding any of their defaults is not "unknown"). */
    List<Settings> allOf(PluginKind kind);
}
