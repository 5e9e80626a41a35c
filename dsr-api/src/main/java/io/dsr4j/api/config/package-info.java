/**
 * Configuration: the YAML model ({@link io.dsr4j.api.config.DsrConfig}, its typed sections, {@link
 * io.dsr4j.api.config.PluginSection} and {@link io.dsr4j.api.config.PriorSection}), the loader (defaults ← file ←
 * {@code --set}), {@link io.dsr4j.api.config.Params} (strict typed access for plugins) and the up-front checks
 * ({@link io.dsr4j.api.config.ConfigValidator}). Plugins use {@code Params}, {@code ConfigException} and
 * {@code Location}; the rest is the framework's machinery.
 */
package io.dsr4j.api.config;
