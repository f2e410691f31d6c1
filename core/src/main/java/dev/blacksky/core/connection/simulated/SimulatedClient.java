package dev.blacksky.core.connection.simulated;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.connection.ClientListener;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.connection.ConnectionFailedException;
import dev.blacksky.core.connection.ConnectionFailure;
import dev.blacksky.core.schedule.TimeSource;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.simulated.SentMessage;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One simulated connection, made by {@link SimulatedClients}; it reports to the supervisor like the adapter. */
public final class SimulatedClient implements ConnectionClient {

    private final SimulatedClients server;
    private final ClientListener listener;
    private final CompletableFuture<Void> login = new CompletableFuture<>();
    private boolean connectCalled;
    private boolean closed;
    private boolean hung;
    private TimeSource.Cancellable keepalive;
    private RehearsalLink link;

    SimulatedClient(SimulatedClients server, ClientListener listener) {
        this.server = server;
        this.listener = listener;
    }

    @Override
    public CompletionStage<Void> connect() {
        synchronized (this) {
            if (connectCalled) {
                throw new IllegalStateException("connect() called twice on one client");
            }
            if (closed) {
                throw new IllegalStateException("connect() on a closed client");
            }
            connectCalled = true;
        }
        switch (server.opened()) {
            case SimulatedClients.Outcome.Login l -> {
                if (!register()) {
                    return login;
                }
                synchronized (this) {
                    keepalive = server.every(this::beat);
                }
                login.complete(null);
            }
            case SimulatedClients.Outcome.Pair p -> {
                listener.pairing();
                server.pairingShown(this);
            }
            case SimulatedClients.Outcome.Hang h -> {
                // the socket is open, the login never comes
            }
            case SimulatedClients.Outcome.Fail f -> login.completeExceptionally(new ConnectionFailedException(f.failure()));
        }
        return login;
    }

    // With a rehearsal server shared by several processes: registers there, as a login reaches WhatsApp's servers.
    private boolean register() {
        String address = server.rehearsalServer();
        if (address == null) {
            return true;
        }
        try {
            RehearsalLink opened = RehearsalLink.open(address, server.account(), () -> fail(new ConnectionFailure.Replaced()),
                    () -> fail(new ConnectionFailure.LoggedOut("device_removed")),
                    why -> fail(new ConnectionFailure.NetworkError(why)), this::delivered);
            synchronized (this) {
                if (closed) {
                    opened.close();
                    return false;
                }
                link = opened;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            login.completeExceptionally(new ConnectionFailedException(new ConnectionFailure.NetworkError(
                    "rehearsal server " + address + " unreachable: " + e.getMessage())));
            return false;
        }
    }

    // On the link's reading thread: played in, and acknowledged once the bot has it for good (on a durable
    // transport, once journaled); unacknowledged, the server delivers it again at the next login.
    private void delivered(RehearsalLink.Delivered d) {
        SimulatedTransport transport = server.traffic();
        if (transport == null) {
            return;
        }
        Chat chat = new Chat(ChatId.of(d.chat()), ChatType.PRIVATE, d.chat());
        User sender = new User(UserId.of(d.chat()), d.chat());
        transport.receive(new Inbound(Message.text(d.id(), chat, sender, d.text(), Instant.now()), false)).thenRun(() -> {
                    RehearsalLink current;
                    synchronized (this) {
                        current = link;
                    }
                    try {
                        if (current != null) {
                            current.acknowledge(d.id());
                        }
                    } catch (IOException e) {
                        // not acknowledged: delivered again at the next login, and dropped then as a redelivery
                    }
                });
    }

    /** Hands a send to the rehearsal server over this connection's link; fails when the link is closed. */
    CompletionStage<Void> relay(SentMessage message) {
        RehearsalLink current;
        synchronized (this) {
            current = closed || hung ? null : link;
        }
        if (current == null || current.closed()) {
            return CompletableFuture.failedFuture(new IOException("not connected"));
        }
        try {
            current.sent(message.id(), message.chat().value(), message.text());
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void beat() {
        synchronized (this) {
            if (closed || hung) {
                return;
            }
            keepalive = server.every(this::beat);
        }
        listener.received();
    }

    @Override
    public void probe() {
        server.probed();
        boolean answers;
        synchronized (this) {
            answers = connectCalled && !closed && !hung;
        }
        if (answers) {
            listener.received();
        }
    }

    @Override
    public void close() {
        boolean wasOpen;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            wasOpen = connectCalled;
            if (keepalive != null) {
                keepalive.cancel();
            }
            if (link != null) {
                link.close();
            }
        }
        server.closed(wasOpen);
    }

    /** Whether the supervisor has closed this client. */
    public synchronized boolean isClosed() {
        return closed;
    }

    synchronized void hang() {
        hung = true;
        if (keepalive != null) {
            keepalive.cancel();
        }
    }

    void fail(ConnectionFailure failure) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        if (!login.isDone()) {
            login.completeExceptionally(new ConnectionFailedException(failure));
        } else {
            listener.failed(failure);
        }
    }
}
