/**
 * Chat commands: {@link dev.blacksky.api.command.Command} (the extension point),
 * {@link dev.blacksky.api.command.CommandSpec} (its declaration), {@link dev.blacksky.api.command.Argument}
 * (typed arguments) and {@link dev.blacksky.api.command.CommandContext} (what a running command sees).
 *
 * <p>The host parses the message, checks access, scope and cooldown, and only then calls
 * {@link dev.blacksky.api.command.Command#execute}. Declarations are validated when the plugin loads: a bad
 * one fails that plugin with a message naming the command, and never the host.
 */
package dev.blacksky.api.command;
