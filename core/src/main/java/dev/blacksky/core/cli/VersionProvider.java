package dev.blacksky.core.cli;

import dev.blacksky.api.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Prints the Blacksky, api and Java versions for {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String blackskyVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/blacksky/core/blacksky-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Blacksky " + blackskyVersion() + " (plugin api " + ApiVersion.current() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")"
        };
    }
}
