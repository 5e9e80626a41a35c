/**
 * What a plugin sees of its configuration (part of the SPI): {@link io.dsr4j.api.config.Params} (strict typed
 * access to the plugin's own keys), the YAML values behind it ({@link io.dsr4j.api.config.ConfigNode}, each with
 * its {@link io.dsr4j.api.config.Location}), {@link io.dsr4j.api.config.ConfigException} for user errors and
 * {@link io.dsr4j.api.config.Suggestions} for "did you mean". The YAML reader, the loader and the typed config
 * model are framework machinery in {@code io.dsr4j.config}, not part of the SPI.
 */
package io.dsr4j.api.config;
