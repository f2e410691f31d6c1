/**
 * Hosts PF4J plugin JARs: each in its own class loader that sees only the api, each extension built by the
 * plugin's own Guice injector, every failure contained to the plugin that caused it.
 */
package dev.blacksky.core.plugin;
