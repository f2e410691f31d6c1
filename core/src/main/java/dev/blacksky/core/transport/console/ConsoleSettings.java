package dev.blacksky.core.transport.console;

import com.typesafe.config.Config;

/** The {@code blacksky.console} settings, read eagerly so errors surface at start-up. */
public record ConsoleSettings(String user, String displayName, boolean prompt, int maxLineLength) {

    public static ConsoleSettings from(Config config) {
        String c = "blacksky.console.";
        return new ConsoleSettings(config.getString(c + "user"), config.getString(c + "display-name"),
                config.getBoolean(c + "prompt"), config.getInt("blacksky.inbound.max-message-length"));
    }
}
