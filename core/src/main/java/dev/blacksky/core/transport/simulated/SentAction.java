package dev.blacksky.core.transport.simulated;

import dev.blacksky.core.transport.OutboundAction;

/** A deletion or edit the bot sent through the simulated transport. */
public record SentAction(OutboundAction action) {
}
