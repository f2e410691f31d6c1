package dev.blacksky.core.transport.console;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/** The {@code blacksky.console} settings, read eagerly so errors surface at start-up. */
public record ConsoleSettings(String user, String displayName, boolean prompt, boolean durable, int maxLineLength) {

    public static ConsoleSettings from(Config config) {
        String c = "blacksky.console.";
        String user = config.getString(c + "user").strip();
        if (user.isEmpty()) {
            throw new ConfigException.BadValue(config.getValue(c + "user").origin(), c + "user",
                    "must name the console user, such as \"console\"");
        }
        return new ConsoleSettings(user, config.getString(c + "display-name"), config.getBoolean(c + "prompt"),
                config.getBoolean(c + "durable"), config.getInt("blacksky.inbound.max-message-length"));
    }
}
