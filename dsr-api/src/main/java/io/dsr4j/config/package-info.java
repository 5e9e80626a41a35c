/**
 * Framework machinery, <b>not part of the plugin SPI</b> (it may change in any release without notice): the YAML
 * reader and writer, the loader (built-in defaults ← each plugin's declared defaults ← file ← {@code --set}), the
 * typed config model ({@link io.dsr4j.config.DsrConfig} and its sections), the up-front checks
 * ({@link io.dsr4j.config.ConfigValidator}) and the {@link io.dsr4j.config.PluginRegistry} that finds plugins with
 * {@link java.util.ServiceLoader} and binds them in a Guice injector. Plugins need none of it: they see
 * {@code io.dsr4j.api.*} only.
 */
package io.dsr4j.config;
