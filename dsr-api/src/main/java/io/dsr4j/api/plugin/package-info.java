/**
 * Plugin discovery and wiring: {@link io.dsr4j.api.plugin.DsrPlugin} (found with {@link java.util.ServiceLoader}),
 * {@link io.dsr4j.api.plugin.PluginBinder} (one Guice MapBinder per kind), {@link io.dsr4j.api.plugin.PluginRegistry}
 * and the per-run services a factory may inject ({@link io.dsr4j.api.plugin.RunServices}).
 */
package io.dsr4j.api.plugin;
