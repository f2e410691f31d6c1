/**
 * The Blacksky plugin api: everything a plugin may see of the host.
 *
 * <p>A plugin is a PF4J jar whose extensions implement {@link dev.blacksky.api.command.Command} (chat
 * commands) or {@link dev.blacksky.api.event.EventListener} (everything else). Extensions are built by
 * Guice and may inject {@link dev.blacksky.api.PluginContext}, the plugin's narrow window on the host:
 * its configuration, storage, scheduler, messenger and logger.
 *
 * <pre>{@code
 * @Extension
 * public final class Ping implements Command {
 *     public CommandSpec spec() { return CommandSpec.named("ping").description("Answers pong").build(); }
 *     public void execute(CommandContext ctx) { ctx.reply("pong"); }
 * }
 * }</pre>
 *
 * <p>Declare {@code blacksky-api} with {@code <scope>provided</scope>}: the host serves these classes, and
 * a plugin that bundles them is refused.
 */
package dev.blacksky.api;
