package dev.blacksky.core.connection.simulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A simulated connection's registration with a rehearsal server that several processes share, so that what
 * WhatsApp does across machines can be rehearsed: a second live connection for an account replaces the first
 * with a 440 conflict. Lines: the client sends {@code HELLO <account>}, then {@code BEAT} every second; the
 * server may answer {@code CONFLICT} and close. Messages: the server sends {@code MSG <id> <chat> <text>}, the
 * client answers {@code ACK <id>} once it has the message for good, and reports each send as {@code SENT <id>
 * <chat> <text>} (texts URL-encoded).
 */
final class RehearsalLink implements AutoCloseable {

    static final Duration BEAT = Duration.ofSeconds(1);

    private final Socket socket;
    private final OutputStream out;
    private volatile boolean closed;

    private RehearsalLink(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** A message the server delivered: its id, its chat (and sender) and its text. */
    record Delivered(String id, String chat, String text) {
    }

    /**
     * Registers {@code account} at {@code server} ("host:port"). {@code conflict} is called when the server replaces
     * this connection, {@code loggedOut} when it removes the device, {@code lost} when the link ends otherwise;
     * {@code delivered} with each message, on the link's reading thread.
     */
    static RehearsalLink open(String server, String account, Runnable conflict, Runnable loggedOut, Consumer<String> lost,
                              Consumer<Delivered> delivered) throws IOException {
        int colon = server.lastIndexOf(':');
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))), 2000);
        RehearsalLink link = new RehearsalLink(socket);
        link.send("HELLO " + account);
        Thread.ofVirtual().name("rehearsal-link-read").start(() -> link.read(conflict, loggedOut, lost, delivered));
        Thread.ofVirtual().name("rehearsal-link-beat").start(link::beat);
        return link;
    }

    private void read(Runnable conflict, Runnable loggedOut, Consumer<String> lost, Consumer<Delivered> delivered) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            for (; line != null && line.startsWith("MSG ") && !closed; line = in.readLine()) {
                String[] parts = line.split(" ", 4);
                if (parts.length == 4) {
                    delivered.accept(new Delivered(parts[1], parts[2], RehearsalServer.decode(parts[3])));
                }
            }
            if (closed) {
                return;
            }
            if ("CONFLICT".equals(line)) {
                conflict.run();
            } else if ("LOGGED_OUT".equals(line)) {
                loggedOut.run();
            } else {
                lost.accept("the rehearsal server closed the link");
            }
        } catch (IOException e) {
            if (!closed) {
                lost.accept("the link to the rehearsal server failed: " + e.getMessage());
            }
        } finally {
            close();
        }
    }

    private void beat() {
        while (!closed) {
            try {
                Thread.sleep(BEAT); // the heartbeat's own pace, not a synchronisation
                send("BEAT");
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** Tells the server the bot has message {@code id} for good (journaled): it is not delivered again. */
    void acknowledge(String id) throws IOException {
        send("ACK " + id);
    }

    /** Hands a message to the server, as a send reaches WhatsApp's. */
    void sent(String id, String chat, String text) throws IOException {
        send("SENT " + id + " " + chat + " " + RehearsalServer.encode(text));
    }

    boolean closed() {
        return closed;
    }

    private synchronized void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is left to do with it
        }
    }
}
