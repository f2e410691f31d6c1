package dev.blacksky.core.account;

import com.google.inject.Injector;
import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.api.event.ConnectionStateChangedEvent;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.core.config.AccountPlan;
import dev.blacksky.core.connection.ConnectionService;
import dev.blacksky.core.connection.PairingCodes;
import dev.blacksky.core.dispatch.Dispatcher;
import dev.blacksky.core.group.GroupDirectory;
import dev.blacksky.core.inbound.JournaledIntake;
import dev.blacksky.core.inbound.MediaDownloads;
import dev.blacksky.core.metrics.AccountMeters;
import dev.blacksky.core.outbound.OutboundMessenger;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.session.SessionFlusher;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account the host runs: its session, transport, connection, journal, outbox and dispatcher, started and
 * stopped in order. Nothing here is shared with another account, so one account's failure stays its own.
 */
@Singleton
public final class HostedAccount {

    private static final Logger log = LoggerFactory.getLogger(HostedAccount.class);

    private final AccountPlan plan;
    private final Transport transport;
    private final Dispatcher dispatcher;
    private final OutboundMessenger outbound;
    private final JournaledIntake intake;
    private final ConnectionService connections;
    private final SessionService session;
    private final SessionFlusher flusher;
    private final MediaDownloads downloads;
    private final GroupDirectory groups;
    private final PairingCodes codes;
    private final AccountMeters meters;
    private final TimeSource time;
    @Inject
    private Injector injector;
    private volatile boolean stopping;
    private boolean started; // guarded by this
    private boolean connected; // guarded by this
    private boolean disconnected; // guarded by this
    private boolean closed; // guarded by this

    @Inject
    HostedAccount(AccountPlan plan, Transport transport, Dispatcher dispatcher, OutboundMessenger outbound,
                  JournaledIntake intake, ConnectionService connections, SessionService session, SessionFlusher flusher,
                  MediaDownloads downloads, GroupDirectory groups, PairingCodes codes, AccountMeters meters,
                  TimeSource time) {
        this.plan = plan;
        this.transport = transport;
        this.dispatcher = dispatcher;
        this.outbound = outbound;
        this.intake = intake;
        this.connections = connections;
        this.session = session;
        this.flusher = flusher;
        this.downloads = downloads;
        this.groups = groups;
        this.codes = codes;
        this.meters = meters;
        this.time = time;
    }

    public String name() {
        return plan.name();
    }

    /**
     * Opens the session: first of all, as it holds the account's lock. Throws SessionLockedException or
     * SessionCorruptException, which stop this account alone.
     */
    public synchronized void open() {
        session.open();
        started = true;
        flusher.start();
        try {
            downloads.clear();
        } catch (IOException e) {
            log.warn("[{}] Cannot empty the downloads folder; old downloads stay", name(), e);
        }
    }

    /** Starts the outbox and the account's meters, once the shared storage runs. */
    public void prepare() {
        meters.start();
        outbound.start();
    }

    /**
     * Starts the journal, the transport and its connection, once plugins run. {@code inputClosed} is told when a
     * local transport's input ends.
     */
    public synchronized void connect(Runnable inputClosed) {
        connected = true;
        boolean journaled = transport.durable();
        if (journaled) {
            intake.start();
        }
        transport.start(new InboundSink() {
            @Override
            public CompletionStage<Void> accept(Inbound inbound) {
                meters.received();
                if (stopping) { // journaled until the link is closed: the network counts it delivered
                    return journaled ? intake.keepForNextStart(inbound) : CompletableFuture.completedFuture(null);
                }
                if (journaled) {
                    return intake.accept(inbound);
                }
                dispatcher.dispatch(inbound);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void event(BotEvent event) {
                dispatcher.publish(event);
            }

            @Override
            public CompletableFuture<Void> barrier(ChatId chat) {
                return dispatcher.barrier(chat);
            }

            @Override
            public void inputClosed() {
                log.info("Input closed; stopping");
                inputClosed.run();
            }
        });
        // Local transports are connected as soon as they start; a supervised connection reports its own states.
        if (!connections.start()) {
            outbound.connected();
            publish(ConnectionState.STARTING, ConnectionState.CONNECTED, transport.name() + " transport started");
        }
    }

    /** Stops intake (new messages wait for the next start) and writes the session out. */
    public void beginStop() {
        stopping = true;
        if (session.isOpen()) {
            flusher.flushAll(); // whatever plugins do from here on, the session is on disk
        }
    }

    /** Waits for the journal's backlog and this account's running calls, until {@code deadline} (nanoTime). */
    public boolean awaitIdle(long deadline) throws InterruptedException {
        boolean journalHandled = !transport.durable() || intake.awaitHandled(deadline);
        boolean callsDone = dispatcher.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        return journalHandled && callsDone;
    }

    /** Closes the connection; listeners hear this account stop. Idempotent. */
    public synchronized void disconnect() {
        if (!connected || disconnected) {
            return;
        }
        disconnected = true;
        if (!connections.stop()) {
            publish(ConnectionState.CONNECTED, ConnectionState.STOPPED, "stopping");
        }
    }

    /**
     * Closes the connection now, before anything else of a stop: for a cluster node whose lease for the account
     * is gone or about to be. New messages wait for the next start; {@link #stop} does the rest.
     */
    public void halt() {
        stopping = true;
        disconnect();
    }

    /** Says what is left unsent, then stops the transport and the journal. */
    public void stopTransport(long deadline) {
        synchronized (this) {
            if (!connected) {
                return;
            }
        }
        reportUnsent(deadline);
        transport.stop();
        intake.stop();
    }

    /** The last flush of the live session, then its lock goes. Idempotent. */
    public synchronized void close() {
        if (closed || !started) {
            return;
        }
        closed = true;
        flusher.close();
        session.close();
    }

    /**
     * Stops this account alone, the others running on: at once when {@code drain} is zero (a cluster node that
     * lost the account's lease must not keep its connection).
     */
    public void stop(Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        if (drain.isZero()) {
            halt(); // the connection first: nothing is waited for
        }
        beginStop();
        try {
            awaitIdle(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect();
        stopTransport(deadline);
        close();
    }

    public boolean stopping() {
        return stopping;
    }

    /** Whether this account has stopped for good: running it again takes a fresh one. */
    public synchronized boolean closed() {
        return closed || stopping;
    }

    private void publish(ConnectionState from, ConnectionState to, String reason) {
        dispatcher.publish(new ConnectionStateChangedEvent(from, to, reason, time.clock().instant()));
    }

    // Replies still queued (the send governor paces them) either wait in the outbox or, without one, are lost: say so.
    private void reportUnsent(long deadline) {
        try {
            if (outbound.keepsUnsent()) {
                int left = outbound.queued();
                if (left > 0) {
                    log.info("[{}] {} messages are still in the outbox; they are sent after the next start", name(), left);
                }
            } else {
                int left = outbound.awaitSent(deadline);
                if (left > 0) {
                    log.warn("[{}] {} messages were still waiting to be sent when the bot stopped and are lost (the {}"
                            + " transport keeps no outbox)", name(), left, transport.name());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public AccountPlan plan() {
        return plan;
    }

    public Transport transport() {
        return transport;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public OutboundMessenger outbound() {
        return outbound;
    }

    public ConnectionService connections() {
        return connections;
    }

    public SessionService session() {
        return session;
    }

    public GroupDirectory groups() {
        return groups;
    }

    public MediaDownloads downloads() {
        return downloads;
    }

    public PairingCodes pairingCodes() {
        return codes;
    }

    /** The account's own injector: the escape hatch for tests and embedding. Plugins never see it. */
    public Injector injector() {
        return injector;
    }
}
