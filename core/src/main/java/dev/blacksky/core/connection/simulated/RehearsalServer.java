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
 *
 * <p>It also carries messages: {@link #play} sends one to an account, delivered to its live connection and again
 * at each login until acknowledged, as WhatsApp delivers what a device has not acknowledged; what the bot sends
 * is recorded by chat and id, so that a test can check every message was answered, and answered once.
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
    private final Map<String, Map<String, Played>> played = new HashMap<>(); // account -> id -> message; guarded by this
    private final Map<String, java.util.Set<String>> answers = new HashMap<>(); // chat -> distinct ids sent there
    private int sends; // guarded by this
    private final List<String> staleSends = new ArrayList<>(); // guarded by this

    /** A message played in to an account, in a chat of its own, and whether the bot acknowledged it. */
    private record Played(String id, String chat, String text, boolean acked) {
    }

    /** What the bot made of the messages played in so far. */
    public record Traffic(int played, int acknowledged, int answered, List<String> unanswered,
                          Map<String, Integer> answeredMoreThanOnce, int sends, List<String> staleSends) {
    }

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

        synchronized void write(String line) throws IOException {
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
    }

    /**
     * Sends {@code text} to {@code account} in {@code chat} (from a user of the same name) under message id {@code
     * id}: now if the account has a live connection, else at its next login, and again at every login until the
     * bot acknowledges it. A chat of its own per message lets {@link #traffic} tell which answer belongs to which.
     */
    public synchronized void play(String account, String id, String chat, String text) {
        played.computeIfAbsent(account, a -> new java.util.LinkedHashMap<>()).put(id, new Played(id, chat, text, false));
        Peer peer = current.get(account);
        if (peer != null && peer.live()) {
            push(peer, played.get(account).get(id));
        }
    }

    private void push(Peer peer, Played message) {
        try {
            peer.write("MSG " + message.id() + " " + message.chat() + " " + encode(message.text()));
        } catch (IOException e) {
            // the connection is going: the message waits for the next login
        }
    }

    /** What became of the messages played in: answers are the distinct message ids the bot sent into each chat. */
    public synchronized Traffic traffic() {
        int total = 0;
        int acked = 0;
        int answered = 0;
        List<String> unanswered = new ArrayList<>();
        Map<String, Integer> twice = new java.util.TreeMap<>();
        for (Map<String, Played> messages : played.values()) {
            for (Played m : messages.values()) {
                total++;
                acked += m.acked() ? 1 : 0;
                int ids = answers.getOrDefault(m.chat(), java.util.Set.of()).size();
                if (ids == 0) {
                    unanswered.add(m.chat());
                } else {
                    answered++;
                }
                if (ids > 1) {
                    twice.put(m.chat(), ids);
                }
            }
        }
        return new Traffic(total, acked, answered, unanswered, twice, sends, List.copyOf(staleSends));
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
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
            peer.write("LOGGED_OUT");
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
                    if (line.startsWith("SENT ")) { // a node that woke still holding the account: a fencing failure
                        sent(account, peer, line.split(" ", 4));
                    }
                    return; // silent past the window, it was dropped then (as WhatsApp drops a client that stopped
                             // answering): what it sends on waking does not bring it back
                }
                peer.heard = System.nanoTime();
                if (line.startsWith("HELLO ") && account == null) {
                    account = line.substring(6);
                    login(account, peer);
                } else if (line.startsWith("ACK ") && account != null) {
                    acknowledged(account, line.substring(4));
                } else if (line.startsWith("SENT ") && account != null) {
                    sent(account, peer, line.split(" ", 4));
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

    private synchronized void acknowledged(String account, String id) {
        Map<String, Played> messages = played.get(account);
        Played m = messages == null ? null : messages.get(id);
        if (m != null) {
            messages.put(id, new Played(m.id(), m.chat(), m.text(), true));
        }
    }

    // "SENT <id> <chat> <text>": a send from a connection that is not the account's live one is a fencing failure.
    private synchronized void sent(String account, Peer peer, String[] parts) {
        if (parts.length < 3) {
            return;
        }
        sends++;
        if (current.get(account) != peer || !peer.live()) {
            staleSends.add(account + ": " + parts[1] + " to " + parts[2]);
            return;
        }
        answers.computeIfAbsent(parts[2], c -> new java.util.HashSet<>()).add(parts[1]);
    }

    private synchronized void login(String account, Peer peer) throws IOException {
        logins++;
        Peer before = current.put(account, peer);
        if (before != null && before.live()) {
            conflicts.add(new Conflict(account, (System.nanoTime() - before.since) / 1_000_000));
            try {
                before.write("CONFLICT");
            } catch (IOException e) {
                // it is being replaced either way
            }
            before.socket.close();
        } else if (before != null) {
            before.socket.close(); // silent past the window: dropped, as WhatsApp drops a client that stopped answering
        }
        played.getOrDefault(account, Map.of()).values().stream().filter(m -> !m.acked()).forEach(m -> push(peer, m));
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
