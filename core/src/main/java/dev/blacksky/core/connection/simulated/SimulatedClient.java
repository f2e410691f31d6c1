package dev.blacksky.core.connection.simulated;

import dev.blacksky.core.connection.ClientListener;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.connection.ConnectionFailedException;
import dev.blacksky.core.connection.ConnectionFailure;
import dev.blacksky.core.schedule.TimeSource;
import java.io.IOException;
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
                    why -> fail(new ConnectionFailure.NetworkError(why)));
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
