package dev.blacksky.bench;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.Blacksky;
import dev.blacksky.core.BotHost;
import dev.blacksky.core.HostOptions;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.transport.Inbound;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bot side of the soak (see {@link SoakDriver}): a real host on a durable transport that reads
 * {@code <id> <text>} lines from stdin as network messages, answers {@code ack <id>} once a message is journaled
 * (the network's acknowledgement: an unacknowledged message is delivered again after a crash), and prints each
 * reply as {@code reply <text>}. Its link drops now and then: sends fail for a while, and the outbox retries.
 *
 * <pre>usage: SoakBot HOME</pre>
 */
public final class SoakBot {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        Link link = new Link(out);
        BotHost host = Blacksky.create(new HostOptions(home, new ConfigSources(null, List.of(home.resolve("soak.conf")),
                System.getenv()), home.resolve("data"), home.resolve("plugins"), null, Clock.systemUTC()), link.transport);
        host.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                int space = line.indexOf(' ');
                String id = line.substring(0, space);
                String user = "u" + Math.floorMod(id.hashCode(), 8);
                Chat chat = new Chat(ChatId.of(user), ChatType.PRIVATE, user);
                // Acknowledged to the network only once journaled: durable from there on. The stages complete in
                // arrival order, on the journal's writer.
                link.transport.sink.accept(new Inbound(Message.text(id, chat, new User(UserId.of(user), user), line.substring(space + 1),
                        Instant.now()), false)).thenRun(() -> {
                            synchronized (out) {
                                out.println("ack " + id);
                                out.flush();
                            }
                        });
            }
        }
        host.stop();
        System.exit(0);
    }

    /** Sends print, or fail while the link is down: now and then it drops for 50-500 ms. */
    static final class Link {
        private final PrintStream out;
        private volatile long downUntil;
        final DurableTransport transport = new DurableTransport(this::send);

        Link(PrintStream out) {
            this.out = out;
        }

        private CompletionStage<String> send(String text) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long now = System.nanoTime();
            if (random.nextInt(2_000) == 0) {
                downUntil = now + random.nextLong(50_000_000, 500_000_000);
            }
            if (now - downUntil < 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("link down"));
            }
            synchronized (out) {
                out.println("reply " + text);
                out.flush();
            }
            return CompletableFuture.completedFuture("sent");
        }
    }
}
