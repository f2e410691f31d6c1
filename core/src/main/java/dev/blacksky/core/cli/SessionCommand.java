package dev.blacksky.core.cli;

import com.typesafe.config.Config;
import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.config.AccountPlans;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.CobaltFileCheck;
import dev.blacksky.core.session.SessionLockedException;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.session.SessionSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blacksky session ...}: inspect, back up, restore and reset an account's WhatsApp session. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Inspects and repairs the WhatsApp session of an account.",
        subcommands = {SessionCommand.Status.class, SessionCommand.BackupNow.class, SessionCommand.ListBackups.class,
            SessionCommand.Restore.class, SessionCommand.Reset.class})
final class SessionCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every session subcommand takes, and the service they build. */
    static final class Target {

        @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: data/ in the installation).")
        Path data;

        @Option(names = "--account", paramLabel = "NAME",
                description = "The account (default: the only one configured; blacksky.account, normally 'default').")
        String account;

        @Option(names = "--config", paramLabel = "FILE",
                description = "An extra configuration file, layered over conf/application.conf.")
        List<Path> configFiles = List.of();

        SessionService service() {
            Path home = BlackskyCli.home();
            Config config = ConfigLoader.load(new ConfigSources(home.resolve("conf/application.conf"), configFiles,
                    System.getenv()));
            HostPaths paths = ConfigLoader.read(config, c -> HostPaths.resolve(home, c, data, null));
            AccountPlans plans = ConfigLoader.read(config, c -> AccountPlans.from(c, null));
            if (account == null && plans.all().size() > 1) {
                throw new IllegalArgumentException("This bot runs several accounts " + plans.names()
                        + "; name one with --account.");
            }
            AccountPlan plan = plans.named(account != null ? account : plans.primary().name()).orElse(plans.primary());
            SessionSettings settings = ConfigLoader.read(plan.config(), SessionSettings::from);
            settings = settings.withAccount(account); // a bad name: IllegalArgumentException, reported as is
            AccountLayout layout = AccountLayout.of(paths.data(), settings.account());
            if (!Files.isDirectory(layout.root())) {
                throw new IllegalArgumentException("There is no account '" + settings.account() + "' in "
                        + paths.data().resolve("accounts") + knownAccounts(paths.data()) + ".");
            }
            return new SessionService(layout, settings, new CobaltFileCheck(), Clock.systemUTC());
        }

        private static String knownAccounts(Path data) {
            try (Stream<Path> accounts = Files.list(data.resolve("accounts"))) {
                List<String> names = accounts.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
                return names.isEmpty() ? " (there are none yet)" : " (known: " + String.join(", ", names) + ")";
            } catch (java.io.IOException e) {
                return " (there are none yet: is --data right?)";
            }
        }
    }

    /** What every subcommand shares: the target options, and errors mapped to messages and exit codes. */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin
        Target target;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            try {
                return run(spec.commandLine().getOut());
            } catch (ConfigurationException | SessionLockedException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("blacksky: " + e.getMessage());
                return e instanceof ConfigurationException ? ExitCodes.CONFIG
                        : e instanceof SessionLockedException ? ExitCodes.SESSION_LOCKED : ExitCodes.FAILURE;
            }
        }

        abstract int run(PrintWriter out) throws Exception;

        /** Runs {@code work} on the target's session, opened (lock taken) and closed around it. */
        int withOpenSession(Function<SessionService, Integer> work) {
            try (SessionService service = target.service()) {
                service.open();
                return work.apply(service);
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows the lock owner, the session files, the backups and the quarantine.")
    static final class Status extends Subcommand {
        @Override
        int run(PrintWriter out) {
            new SessionReport(target.service()).print(out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Takes a backup of the session now (the bot must be stopped: it backs up after every write).")
    static final class BackupNow extends Subcommand {
        @Override
        int run(PrintWriter out) {
            return withOpenSession(service -> {
                var taken = service.backupNow();
                if (taken.isEmpty()) {
                    out.println("No new backup: there is no loadable session, or it equals the newest backup.");
                }
                taken.forEach(b -> out.println("Backed up session " + b.sessionId() + " to " + b.dir()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "list-backups", mixinStandardHelpOptions = true, description = "Lists the backups, newest first.")
    static final class ListBackups extends Subcommand {
        @Override
        int run(PrintWriter out) {
            SessionReport.printBackups(target.service().backups().list(), out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Puts a backup back in place; the current session goes to quarantine. Refused while the bot runs.")
    static final class Restore extends Subcommand {
        @Parameters(paramLabel = "BACKUP", description = "The backup's name, as list-backups shows it.")
        String name;

        @Override
        int run(PrintWriter out) {
            return withOpenSession(service -> {
                var backup = service.backups().find(name).orElseThrow(() -> new IllegalArgumentException(
                        "There is no backup '" + name + "' in " + service.layout().backups()
                                + ". 'blacksky session list-backups' shows the ones there are."));
                var moved = service.restore(backup);
                out.println("Restored backup " + backup.name() + " for session " + backup.sessionId() + ".");
                moved.ifPresent(p -> out.println("The session it replaced was moved to " + p));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Moves the session to quarantine so the next start pairs afresh. Nothing is deleted.")
    static final class Reset extends Subcommand {
        @Option(names = "--yes", description = "Confirms: the bot will need a new pairing (QR code) afterwards.")
        boolean yes;

        @Override
        int run(PrintWriter out) throws Exception {
            if (!yes) {
                spec.commandLine().getErr().println("blacksky: session reset unlinks this bot from WhatsApp until you pair it"
                        + " again. Add --yes to confirm (the old session is moved to quarantine, not deleted).");
                return ExitCodes.USAGE;
            }
            return withOpenSession(service -> {
                service.reset().ifPresentOrElse(p -> out.println("The session was moved to " + p
                                + ". The next 'blacksky run' starts a new pairing."),
                        () -> out.println("There is no session to reset."));
                return ExitCodes.OK;
            });
        }
    }
}
