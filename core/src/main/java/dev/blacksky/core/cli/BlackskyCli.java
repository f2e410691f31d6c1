package dev.blacksky.core.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;

/** The {@code blacksky} root command; subcommands do the work. */
@Command(
        name = "blacksky",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs a WhatsApp bot whose commands are plugins.",
        subcommands = {RunCommand.class, PluginsCommand.class, StatusCommand.class, SessionCommand.class, HttpCommand.class,
                ClusterCommand.class, RehearsalServerCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  clean stop (end of console input, or SIGTERM)",
            "  1  start-up or runtime failure",
            "  2  wrong command-line usage",
            "  3  invalid configuration (the message names file, line and key)",
            "  4  the account's session is locked by another running process (named in the message)",
            "  5  out of memory (the log names the plugin call that was running)",
            "  6  lost the account's cluster lease: another node runs it now (a restart waits as a standby)",
            "",
            "The launcher (bin/blacksky) exits 1 when it finds no Java 21 or newer."
        })
public final class BlackskyCli implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The installation folder, set by bin/blacksky; the working directory otherwise. */
    static Path home() {
        String home = System.getProperty("blacksky.home");
        return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
