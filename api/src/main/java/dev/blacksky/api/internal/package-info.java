/**
 * The host's access to what the api keeps from plugins (how an argument consumes its words and parses them).
 * Not for plugins: their class loader does not see this package.
 */
package dev.blacksky.api.internal;
