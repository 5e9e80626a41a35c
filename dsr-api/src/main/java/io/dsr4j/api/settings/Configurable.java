package io.dsr4j.api.settings;

/**
 * A plugin factory that reads keys from its YAML section. Declaring them ({@link #settings()}) gives the plugin its
 * own defaults, lets {@code ./dsr config} check the section before any work, and documents it in
 * {@code ./dsr plugins --details NAME}. Built-in and third-party factories declare settings the same way.
 */
public interface Configurable {

    /**
     * The keys this factory reads, with types, defaults and allowed values. Default: {@link Settings#UNDECLARED}
     * (the section is then checked only when a run builds the plugin).
     */
    default Settings settings() { return Settings.UNDECLARED; }

    /** One line for {@code ./dsr plugins}. */
    default String description() { return ""; }
}
