package dev.blacksky.core.connection.simulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WhatsApp side of a cross-process rehearsal ({@code blacksky.connection.rehearsal-server}): it keeps one
 * connection per account. A connection counts as live while it beats; a login while another connection of the
 * account is live replaces that one with a 440 conflict, as WhatsApp does, and is counted, so a test can check
 * that no two nodes ever held an account's connection at once.
 */
public final class RehearsalServer implements AutoCloseable {

    /** A login that found another live connection of its account. */
    public record Conflict(String account, long replacedAgeMillis) {
    }

    private final ServerSocket socket;
    private final Duration liveWindow;
    private final Map<String, Peer> current = new HashMap<>(); // guarded by this
    private final List<Conflict> conflicts = new ArrayList<>(); // guarded by this
    private int logins; // guarded by this
    private int logouts; // guarded by this

    private final class Peer {
        final Socket socket;
        final long since = System.nanoTime();
        volatile long heard = System.nanoTime();

        Peer(Socket socket) {
            this.socket = socket;
        }

        boolean live() {
            return !socket.isClosed() && System.nanoTime() - heard < liveWindow.toNanos();
        }
    }

    private RehearsalServer(ServerSocket socket, Duration liveWindow) {
        this.socket = socket;
        this.liveWindow = liveWindow;
    }

    /**
     * Listens on loopback, {@code port} 0 for any free one. A connection not heard from for {@code liveWindow}
     * is no longer live (WhatsApp drops a silent client too); at least two beats long.
     */
    public static RehearsalServer start(int port, Duration liveWindow) throws IOException {
        RehearsalServer server = new RehearsalServer(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), liveWindow);
        Thread.ofVirtual().name("rehearsal-server").start(server::accept);
        return server;
    }

    /** "host:port", for {@code blacksky.connection.rehearsal-server}. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public synchronized List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    public synchronized int logins() {
        return logins;
    }

    /**
     * Removes the linked device of {@code account}, as a user does on the phone: its live connection is told it is
     * logged out (401) and closed. Returns whether a connection was there to tell.
     */
    public synchronized boolean logout(String account) {
        Peer peer = current.remove(account);
        if (peer == null || peer.socket.isClosed()) {
            return false;
        }
        try {
            peer.socket.getOutputStream().write("LOGGED_OUT\n".getBytes(StandardCharsets.UTF_8));
            peer.socket.getOutputStream().flush();
            peer.socket.close();
        } catch (IOException e) {
            return false;
        }
        logouts++;
        return true;
    }

    public synchronized int logouts() {
        return logouts;
    }

    /** Asks the server at {@code address} ("host:port") to log {@code account} out; whether it had it connected. */
    public static boolean logout(String address, String account) throws IOException {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            socket.getOutputStream().write(("LOGOUT " + account + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return "OK".equals(in.readLine());
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket peer = socket.accept();
                Thread.ofVirtual().name("rehearsal-peer").start(() -> serve(new Peer(peer)));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Peer peer) {
        String account = null;
        try (peer.socket; BufferedReader in = new BufferedReader(new InputStreamReader(peer.socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (account != null && !peer.live()) {
                    return; // silent past the window, it was dropped then (as WhatsApp drops a client that stopped
                             // answering): what it sends on waking does not bring it back
                }
                peer.heard = System.nanoTime();
                if (line.startsWith("HELLO ") && account == null) {
                    account = line.substring(6);
                    login(account, peer);
                } else if (line.startsWith("LOGOUT ") && account == null) { // an operator's request, not a client
                    boolean done = logout(line.substring(7));
                    peer.socket.getOutputStream().write((done ? "OK\n" : "NONE\n").getBytes(StandardCharsets.UTF_8));
                    peer.socket.getOutputStream().flush();
                    return;
                }
            }
        } catch (IOException e) {
            // the peer went away
        } finally {
            if (account != null) {
                synchronized (this) {
                    current.remove(account, peer);
                }
            }
        }
    }

    private synchronized void login(String account, Peer peer) throws IOException {
        logins++;
        Peer before = current.put(account, peer);
        if (before != null && before.live()) {
            conflicts.add(new Conflict(account, (System.nanoTime() - before.since) / 1_000_000));
            try {
                before.socket.getOutputStream().write("CONFLICT\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // it is being replaced either way
            }
            before.socket.close();
        } else if (before != null) {
            before.socket.close(); // silent past the window: dropped, as WhatsApp drops a client that stopped answering
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (this) {
            for (Peer p : current.values()) {
                p.socket.close();
            }
        }
    }
}
