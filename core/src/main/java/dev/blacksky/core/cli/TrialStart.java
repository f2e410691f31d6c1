package dev.blacksky.core.cli;

import dev.blacksky.core.Blacksky;
import dev.blacksky.core.BotHost;
import dev.blacksky.core.HostOptions;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.plugin.PluginFailure;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts the plugins for real in a throwaway host (simulated transport, a temporary data folder), so that
 * {@code plugins list} catches what only a start shows: invalid command names, constructors that throw.
 */
final class TrialStart {

    private TrialStart() {
    }

    /** What failed to start, as the bot itself would report it. */
    static List<PluginFailure> failures(Path home, ConfigSources sources, Path plugins) throws IOException {
        Path trial = Files.createTempDirectory("blacksky-plugins-list");
        try {
            BotHost host = Blacksky.create(new HostOptions(home, sources, trial.resolve("data"), plugins, "simulated",
                    Clock.systemUTC()), new SimulatedTransport());
            host.start();
            try {
                return host.plugins().failures();
            } finally {
                host.stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(trial)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
