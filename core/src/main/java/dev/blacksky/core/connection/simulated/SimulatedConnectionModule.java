package dev.blacksky.core.connection.simulated;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.connection.ConnectionSettings;
import dev.blacksky.core.connection.PairingCodes;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.time.Duration;

/** Puts a simulated WhatsApp behind the real supervisor, status file and events, with nothing on the network. */
public final class SimulatedConnectionModule extends AbstractModule {

    // What WhatsApp's own pings look like on a healthy link (20-30 s); not a policy, so not configurable.
    private static final Duration KEEPALIVE = Duration.ofSeconds(25);

    private final boolean networkUp;
    private final Duration scanAfter;
    private final String rehearsalServer;
    private final SimulatedTransport transport;

    /**
     * @param networkUp false rehearses an outage: every connect fails as with no network
     * @param scanAfter non-null rehearses a pairing whose QR code the simulated phone scans after this long */
    public SimulatedConnectionModule(boolean networkUp, Duration scanAfter) {
        this(networkUp, scanAfter, "");
    }

    /** @param rehearsalServer "host:port" of a rehearsal server several processes share; empty for none */
    public SimulatedConnectionModule(boolean networkUp, Duration scanAfter, String rehearsalServer) {
        this.networkUp = networkUp;
        this.scanAfter = scanAfter;
        this.rehearsalServer = rehearsalServer;
        // With a rehearsal server, messages travel over its link as over WhatsApp's: journaled, sent from the outbox.
        this.transport = new SimulatedTransport().durable(!rehearsalServer.isEmpty());
    }

    /** The transport whose messages this simulated WhatsApp carries (over a rehearsal server's link, if any). */
    public SimulatedTransport transport() {
        return transport;
    }

    /** Reads {@code blacksky.connection.rehearsal-network} ("up" or "down"). */
    public static SimulatedConnectionModule from(Config config) {
        String network = config.getString("blacksky.connection.rehearsal-network");
        if (!network.equals("up") && !network.equals("down")) {
            throw new ConfigException.BadValue(config.getValue("blacksky.connection.rehearsal-network").origin(),
                    "blacksky.connection.rehearsal-network", "must be \"up\" or \"down\", got \"" + network + "\"");
        }
        String key = "blacksky.connection.rehearsal-pairing";
        Duration scanAfter = null;
        if (!config.getString(key).equals("off")) {
            scanAfter = config.getDuration(key);
            Duration timeout = config.getDuration("blacksky.connection.pairing-timeout");
            if (scanAfter.isNegative() || scanAfter.compareTo(timeout) >= 0) {
                throw new ConfigException.BadValue(config.getValue(key).origin(), key,
                        "must be \"off\" or a duration shorter than blacksky.connection.pairing-timeout (" + timeout + ")");
            }
        }
        String server = config.getString("blacksky.connection.rehearsal-server");
        if (!server.isEmpty() && !server.matches("[^:\\s]+:\\d{1,5}")) {
            throw new ConfigException.BadValue(config.getValue("blacksky.connection.rehearsal-server").origin(),
                    "blacksky.connection.rehearsal-server", "must be \"host:port\" or empty, got \"" + server + "\"");
        }
        return new SimulatedConnectionModule(network.equals("up"), scanAfter, server);
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), ConnectionClient.Factory.class).setBinding()
                .to(SimulatedClients.class);
    }

    @Provides
    @Singleton
    SimulatedClients clients(TimeSource time, PairingCodes codes, ConnectionSettings connection) {
        SimulatedClients clients = new SimulatedClients(time, KEEPALIVE).network(networkUp);
        if (!rehearsalServer.isEmpty()) {
            clients.rehearsalServer(rehearsalServer, connection.account()).carry(transport);
        }
        return scanAfter == null ? clients : clients.rehearsePairing(codes, scanAfter);
    }
}
