package dev.blacksky.core.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.blacksky.core.connection.simulated.RehearsalServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blacksky rehearsal-server}: the simulated WhatsApp that several simulated bots share, until stopped. */
@Command(name = "rehearsal-server", mixinStandardHelpOptions = true,
        description = "Runs a simulated WhatsApp that simulated bots on this machine share (set their"
                + " blacksky.connection.rehearsal-server to the address it prints): a second live login for an"
                + " account replaces the first with a 440 conflict, as WhatsApp does. Runs until stopped. With"
                + " --logout, tells the one running on --port to log an account out instead, as removing the linked"
                + " device on the phone does.")
final class RehearsalServerCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "The port on 127.0.0.1 (default: any free one).")
    int port;

    @Option(names = "--live-window", paramLabel = "DURATION", defaultValue = "2s",
            description = "How long a connection that stopped beating still counts as live (default: 2s, at least 2s;"
                    + " keep it below the cluster's lease-ttl, as WhatsApp's own keepalive timeout must be).")
    String liveWindow;

    @Option(names = "--logout", paramLabel = "ACCOUNT",
            description = "Logs ACCOUNT out on the rehearsal server at --port, then exits: 0 if it was connected there.")
    String logout;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (logout != null) {
            return logout(out, err);
        }
        Duration window;
        try {
            window = ConfigFactory.parseMap(Map.of("window", liveWindow)).getDuration("window");
        } catch (ConfigException e) {
            err.println("blacksky: --live-window must be a duration such as 2s or 2500ms, got '" + liveWindow + "'");
            return ExitCodes.USAGE;
        }
        if (window.compareTo(Duration.ofSeconds(2)) < 0 || port < 0 || port > 65535) {
            err.println("blacksky: --live-window must be at least 2s (simulated bots beat every second) and --port"
                    + " from 0 to 65535");
            return ExitCodes.USAGE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (RehearsalServer server = RehearsalServer.start(port, window)) {
            StopSignals.install(stop::countDown);
            out.println("Rehearsal WhatsApp at " + server.address() + " (blacksky.connection.rehearsal-server = \""
                    + server.address() + "\")");
            out.flush();
            stop.await();
            out.println(server.logins() + " logins, " + server.conflicts().size() + " conflicts (440)");
            server.conflicts().forEach(c -> out.println("  conflict: account '" + c.account()
                    + "', replacing a connection " + c.replacedAgeMillis() + " ms old"));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("blacksky: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private int logout(PrintWriter out, PrintWriter err) {
        if (port <= 0 || port > 65535) {
            err.println("blacksky: --logout needs the --port of the running rehearsal server");
            return ExitCodes.USAGE;
        }
        try {
            boolean done = RehearsalServer.logout("127.0.0.1:" + port, logout);
            out.println(done ? "Account '" + logout + "' logged out (its linked device was removed)."
                    : "Account '" + logout + "' has no live connection at 127.0.0.1:" + port + "; nothing done.");
            return done ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (IOException e) {
            err.println("blacksky: no rehearsal server answers at 127.0.0.1:" + port + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
