package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandSpec;

/** A command as the registry knows it: who contributed it, its validated declaration, its argument plan. */
public record Route(String pluginId, Command command, CommandSpec spec, ArgumentBinder.Plan arguments) {
}
