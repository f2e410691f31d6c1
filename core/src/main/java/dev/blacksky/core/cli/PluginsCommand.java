package dev.blacksky.core.cli;

import com.typesafe.config.Config;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.plugin.PluginFailure;
import dev.blacksky.core.plugin.PluginFolderCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code blacksky plugins list}: checks the plugins folder offline, without starting the bot. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "Inspects plugin JARs without starting the bot.",
        subcommands = PluginsCommand.ListCommand.class)
final class PluginsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the plugin JARs, says which would load and why the others would not. Exits 1 if any would not.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--plugins", paramLabel = "DIR", description = "The plugin folder (default: plugins/ in the installation).")
        Path plugins;

        @Override
        public Integer call() {
            Path home = BlackskyCli.home();
            Path folder;
            ConfigSources sources = new ConfigSources(home.resolve("conf/application.conf"), List.of(), System.getenv());
            try { // the folder `run` would use: --plugins relative to here, blacksky.paths.plugins to the installation
                Config config = ConfigLoader.load(sources);
                folder = ConfigLoader.read(config, c -> HostPaths.resolve(home, c, null, plugins)).plugins();
            } catch (ConfigurationException e) {
                System.err.println("blacksky: " + e.getMessage());
                return ExitCodes.CONFIG;
            }
            if (!Files.isDirectory(folder)) {
                System.err.println("blacksky: no plugin folder at " + folder + "; give one with --plugins DIR");
                return ExitCodes.FAILURE;
            }
            List<PluginFolderCheck.Entry> entries = PluginFolderCheck.check(folder);
            if (entries.isEmpty()) {
                System.out.println("No plugin JARs in " + folder);
                return ExitCodes.OK;
            }
            if (entries.stream().anyMatch(PluginFolderCheck.Entry::ok)) {
                entries = afterTrialStart(home, sources, folder, entries);
            }
            for (PluginFolderCheck.Entry e : entries) {
                String name = e.jar().getFileName().toString();
                if (e.ok()) {
                    System.out.printf("ok    %-20s %-10s %s%s%n", e.pluginId(), e.version(), name,
                            e.dependencies().isEmpty() ? "" : " (needs " + String.join(", ", e.dependencies()) + ")");
                } else {
                    System.out.printf("FAIL  %-20s %-10s %s: %s%n", e.pluginId() == null ? "?" : e.pluginId(),
                            e.version() == null ? "" : e.version(), name, e.problem());
                }
            }
            long failing = entries.stream().filter(e -> !e.ok()).count();
            System.out.println(entries.size() - failing + " would load, " + failing + " would not (" + folder + ")");
            return failing == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    // What only a real start shows (a command's name, a constructor that throws) turns an "ok" into a failure.
    private static List<PluginFolderCheck.Entry> afterTrialStart(Path home, ConfigSources sources, Path folder,
                                                                 List<PluginFolderCheck.Entry> entries) {
        List<PluginFailure> failures;
        try {
            failures = TrialStart.failures(home, sources, folder);
        } catch (IOException | RuntimeException e) {
            System.err.println("blacksky: could not start the plugins for a trial (" + e + "); the checks above are static only");
            return entries;
        }
        return entries.stream().map(e -> !e.ok() ? e : failures.stream()
                .filter(f -> f.jar().getFileName().equals(e.jar().getFileName())).findFirst()
                .map(f -> new PluginFolderCheck.Entry(e.jar(), e.pluginId(), e.version(), e.requires(), e.dependencies(),
                        "fails to start: " + f.reason()))
                .orElse(e)).toList();
    }
}
