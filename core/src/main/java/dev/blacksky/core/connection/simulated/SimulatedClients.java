package dev.blacksky.core.connection.simulated;

import dev.blacksky.core.connection.ClientListener;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.connection.ConnectionFailure;
import dev.blacksky.core.connection.PairingCodes;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.simulated.SentMessage;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A scriptable WhatsApp with nothing on the network, for tests, the testkit and fault rehearsals: script the
 * connects, break the live link, observe what the supervisor did.
 */
public final class SimulatedClients implements ConnectionClient.Factory {

    private final TimeSource time;
    private final Duration keepalive;
    private final Deque<Outcome> script = new ArrayDeque<>();
    private final List<Instant> attempts = new ArrayList<>();
    private SimulatedClient current;
    private boolean networkUp = true;
    private boolean paired = true;
    private int created;
    private int open;
    private int maxOpen;
    private int listeners;
    private int maxListeners;
    private int probes;
    private PairingCodes codes;
    private Duration scanAfter;
    private TimeSource.Cancellable rotation;
    private TimeSource.Cancellable phone;
    private String rehearsalServer;
    private String account;
    private SimulatedTransport traffic;

    public SimulatedClients(TimeSource time, Duration keepalive) {
        this.time = time;
        this.keepalive = keepalive;
    }

    /**
     * Each login also registers {@code account} at a rehearsal server ("host:port") that other processes share;
     * it replaces an older live connection of the same account with a 440 conflict, as WhatsApp does.
     */
    public synchronized SimulatedClients rehearsalServer(String hostPort, String account) {
        this.rehearsalServer = hostPort;
        this.account = account;
        return this;
    }

    /**
     * Carries {@code transport}'s messages over the rehearsal server's link: what the server delivers is played in
     * and acknowledged once the bot has it for good, and each send goes to the server, failing while no link is up.
     */
    public synchronized SimulatedClients carry(SimulatedTransport transport) {
        this.traffic = transport;
        transport.network(this::relay);
        return this;
    }

    synchronized SimulatedTransport traffic() {
        return traffic;
    }

    private CompletionStage<Void> relay(SentMessage message) {
        SimulatedClient client;
        synchronized (this) {
            client = current;
        }
        return client == null
                ? CompletableFuture.failedFuture(new IOException("not connected"))
                : client.relay(message);
    }

    synchronized String rehearsalServer() {
        return rehearsalServer;
    }

    synchronized String account() {
        return account;
    }

    /**
     * Rehearses a pairing: unpaired, each pairing connect shows a QR code in {@code codes} (a new one every
     * {@link #QR_ROTATION}), and the simulated phone scans it {@code scanAfter} after the first was shown.
     */
    public synchronized SimulatedClients rehearsePairing(PairingCodes codes, Duration scanAfter) {
        this.codes = codes;
        this.scanAfter = scanAfter;
        this.paired = false;
        return this;
    }

    /** How often a rehearsed pairing shows a new code, as WhatsApp rotates its own. */
    public static final Duration QR_ROTATION = Duration.ofSeconds(20);

    // ---- scripting the next connects ----------------------------------------------------------------

    /** Down: every connect fails at once with a network error, as with no route or DNS. Live links stay up. */
    public synchronized SimulatedClients network(boolean up) {
        this.networkUp = up;
        return this;
    }

    /** The next {@code count} connects fail with {@code failure} (after the network check). */
    public synchronized SimulatedClients failConnects(int count, ConnectionFailure failure) {
        for (int i = 0; i < count; i++) {
            script.add(new Outcome.Fail(failure));
        }
        return this;
    }

    /** The next {@code count} connects open a socket and then never log in (Cobalt's hanging connect). */
    public synchronized SimulatedClients hangConnects(int count) {
        for (int i = 0; i < count; i++) {
            script.add(new Outcome.Hang());
        }
        return this;
    }

    /** The session has no keys: connects show a QR code and wait for {@link #scan()}. */
    public synchronized SimulatedClients unpaired() {
        this.paired = false;
        return this;
    }

    // ---- breaking the live link ---------------------------------------------------------------------

    /** The phone scans the QR code: pairing succeeds and, as WhatsApp does, the server asks for a restart (515). */
    public void scan() {
        SimulatedClient client;
        synchronized (this) {
            paired = true;
            client = current;
        }
        client.fail(new ConnectionFailure.RestartRequired());
    }

    /** TCP reset: the live link fails with a network error. */
    public void drop() {
        emit(new ConnectionFailure.NetworkError("connection reset"));
    }

    /** The server ends the stream. */
    public void close() {
        emit(new ConnectionFailure.StreamEnded());
    }

    /** Half-open: the link stays "up" but nothing arrives any more and probes go unanswered. */
    public void hang() {
        currentClient().hang();
    }

    public void conflict() {
        emit(new ConnectionFailure.Replaced());
    }

    public void loggedOut() {
        emit(new ConnectionFailure.LoggedOut("device_removed"));
    }

    public void banned() {
        emit(new ConnectionFailure.Banned(403));
    }

    /** A temporary ban (402) expiring {@code in} from now. */
    public void temporaryBan(Duration in) {
        emit(new ConnectionFailure.TemporarilyBanned(101, time.clock().instant().plus(in)));
    }

    public void outdated() {
        emit(new ConnectionFailure.Outdated());
    }

    public void badSession() {
        emit(new ConnectionFailure.BadSession("stream:error without a known code"));
    }

    public void serviceUnavailable() {
        emit(new ConnectionFailure.ServiceUnavailable());
    }

    /** The live client reports {@code failure}, as the adapter would after reading a stanza. */
    public void emit(ConnectionFailure failure) {
        currentClient().fail(failure);
    }

    // ---- observing ----------------------------------------------------------------------------------

    /** When each connect was called. */
    public synchronized List<Instant> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized int created() {
        return created;
    }

    /** Clients whose socket is open (connect called, not yet closed). */
    public synchronized int open() {
        return open;
    }

    /** The most clients ever open at once: 1 when connects are single-flight. */
    public synchronized int maxOpen() {
        return maxOpen;
    }

    /** Listeners registered on clients not yet closed. */
    public synchronized int listeners() {
        return listeners;
    }

    public synchronized int maxListeners() {
        return maxListeners;
    }

    public synchronized int probes() {
        return probes;
    }

    /** The most recently created client. */
    public synchronized SimulatedClient currentClient() {
        if (current == null) {
            throw new IllegalStateException("no client has been created yet");
        }
        return current;
    }

    @Override
    public synchronized ConnectionClient create(String account, ClientListener listener) {
        created++;
        listeners++;
        maxListeners = Math.max(maxListeners, listeners);
        current = new SimulatedClient(this, listener);
        return current;
    }

    // ---- called by the clients ----------------------------------------------------------------------

    synchronized Outcome opened() {
        attempts.add(time.clock().instant());
        open++;
        maxOpen = Math.max(maxOpen, open);
        if (!networkUp) {
            return new Outcome.Fail(new ConnectionFailure.NetworkError("network unreachable"));
        }
        Outcome next = script.poll();
        if (next != null) {
            return next;
        }
        return paired ? new Outcome.Login() : new Outcome.Pair();
    }

    synchronized void closed(boolean wasOpen) {
        listeners--;
        if (wasOpen) {
            open--;
        }
    }

    // A pairing connect: show a code, rotate it while this client waits, and let the phone scan once.
    synchronized void pairingShown(SimulatedClient client) {
        if (codes == null) {
            return;
        }
        codes.show("2@rehearsal-" + java.util.UUID.randomUUID() + ",simulated-phone");
        if (rotation != null) {
            rotation.cancel();
        }
        rotation = time.schedule(QR_ROTATION, () -> {
            synchronized (this) {
                if (current == client && !client.isClosed() && !paired) {
                    pairingShown(client);
                }
            }
        });
        if (phone == null && scanAfter != null) {
            phone = time.schedule(scanAfter, () -> {
                synchronized (this) {
                    if (current != client || client.isClosed()) {
                        phone = null; // that pairing ended; the next one gets its own scan
                        return;
                    }
                }
                scan();
            });
        }
    }

    synchronized void probed() {
        probes++;
    }

    TimeSource.Cancellable every(Runnable beat) {
        return time.schedule(keepalive, beat);
    }

    /** What a connect does. */
    sealed interface Outcome {
        record Login() implements Outcome {
        }

        record Pair() implements Outcome {
        }

        record Hang() implements Outcome {
        }

        record Fail(ConnectionFailure failure) implements Outcome {
        }
    }
}
