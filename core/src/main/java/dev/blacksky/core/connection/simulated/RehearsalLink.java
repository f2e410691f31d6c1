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
 * server may answer {@code CONFLICT} and close.
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

    /**
     * Registers {@code account} at {@code server} ("host:port"). {@code conflict} is called when the server replaces
     * this connection, {@code loggedOut} when it removes the device, {@code lost} when the link ends otherwise.
     */
    static RehearsalLink open(String server, String account, Runnable conflict, Runnable loggedOut, Consumer<String> lost)
            throws IOException {
        int colon = server.lastIndexOf(':');
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))), 2000);
        RehearsalLink link = new RehearsalLink(socket);
        link.send("HELLO " + account);
        Thread.ofVirtual().name("rehearsal-link-read").start(() -> link.read(conflict, loggedOut, lost));
        Thread.ofVirtual().name("rehearsal-link-beat").start(link::beat);
        return link;
    }

    private void read(Runnable conflict, Runnable loggedOut, Consumer<String> lost) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
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
