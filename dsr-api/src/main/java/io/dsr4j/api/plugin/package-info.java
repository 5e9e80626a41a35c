/**
 * Plugin discovery and wiring: {@link io.dsr4j.api.plugin.DsrPlugin} (found with {@link java.util.ServiceLoader}),
 * {@link io.dsr4j.api.plugin.PluginBinder} (one Guice MapBinder per kind), {@link io.dsr4j.api.plugin.PluginKind}
 * and the per-run services a factory may inject ({@link io.dsr4j.api.plugin.RunServices}). The registry that
 * collects the plugins ({@code io.dsr4j.config.PluginRegistry}) is framework machinery, not part of the SPI.
 */
package io.dsr4j.api.plugin;
