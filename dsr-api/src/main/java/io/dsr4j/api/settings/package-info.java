/**
 * Typed plugin settings: a factory declares each YAML key it reads ({@link io.dsr4j.api.settings.Setting}) and
 * returns them from {@link io.dsr4j.api.settings.Configurable#settings()}. The declaration is the plugin's defaults,
 * its up-front validation ({@code ./dsr config}) and its documentation ({@code ./dsr plugins --details NAME}).
 */
package io.dsr4j.api.settings;
