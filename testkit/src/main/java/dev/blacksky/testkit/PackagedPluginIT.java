package dev.blacksky.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Checks the plugin JAR a build just packaged: valid descriptor, extension index, no bundled api, and it
 * starts in a real host. The Blacksky plugin parent pom runs it after {@code package} for every plugin;
 * other builds can too (failsafe with {@code dependenciesToScan} = {@code dev.blacksky:blacksky-testkit} and
 * the system property {@code blacksky.plugin.jar}).
 */
public class PackagedPluginIT {

    private static final Path JAR = Path.of(System.getProperty("blacksky.plugin.jar", "missing.jar"));

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.pluginJar(JAR);

    @Test
    void the_packaged_jar_is_a_valid_plugin() {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError("No plugin JAR at " + JAR + "; set the system property blacksky.plugin.jar");
        }
        PluginJarCheck.assertValid(JAR);
    }

    @Test
    void the_packaged_jar_loads_and_starts_in_a_real_host() {
        List<String> failures = bot.pluginFailures();
        if (!failures.isEmpty()) {
            throw new AssertionError("The packaged plugin did not start: " + failures);
        }
        bot.user("owner").says("!help").reply();
    }
}
