/**
 * Routes messages to commands: prefix and lookup, access and scope checks, argument parsing, and isolated,
 * time-limited handler calls, in order per chat.
 */
package dev.blacksky.core.dispatch;
