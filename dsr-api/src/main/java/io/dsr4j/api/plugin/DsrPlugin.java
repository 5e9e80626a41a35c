package io.dsr4j.api.plugin;

import com.google.inject.Module;

/**
 * Entry point of a plugin jar, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.dsr4j.api.plugin.DsrPlugin}). Its Guice module registers named implementations with
 * {@link PluginBinder}. The built-ins are registered exactly this way.
 */
public interface DsrPlugin {

    /** Short name shown by {@code ./dsr plugins}. */
    String name();

    Module module();
}
