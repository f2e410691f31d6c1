package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandSpec;

/** A command as the registry knows it: who contributed it, its declaration, argument plan and gate. */
public record Route(String pluginId, Command command, CommandSpec spec, ArgumentBinder.Plan arguments, PluginGate gate) {
}
