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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The durable path as network transports run it: each message goes in through the transport (journaled with an
 * fsync before it is handled, marked done after) and its reply out through the outbox (written before it is
 * sent, removed after). Prints the disk's raw fsync rate beside it, since the path is bound by that.
 *
 * <pre>usage: DurableBenchmark serial|pipelined [M=20000] [warmup=2000]</pre>
 */
public final class DurableBenchmark {

    private static final int PIPELINE_DEPTH = 64;
    // Senders, each a private chat: a chat's messages are handled in order, so they bound what runs at once.
    private static final int CHATS = Integer.getInteger("bench.chats", 4);

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "pipelined";
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Path home = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))),
                "blacksky-durable-");
        try {
            double fsyncs = fsyncsPerSecond(home, TimeUnit.SECONDS.toNanos(3));
            List<PluginJars.Unit> units = PluginJars.layout(1, Packaging.ONE_PLUGIN);
            PluginJars.write(home.resolve("plugins"), units);
            Path conf = home.resolve("bench.conf");
            Files.writeString(conf, PluginJars.config(units), StandardCharsets.UTF_8);
            Replies replies = new Replies();
            BotHost host = Blacksky.create(new HostOptions(home, new ConfigSources(null, List.of(conf), System.getenv()),
                    home.resolve("data"), home.resolve("plugins"), null, Clock.systemUTC()), replies.transport);
            host.start();
            try {
                int window = mode.equals("serial") ? 1 : PIPELINE_DEPTH;
                run(replies, "w", warmup, window);
                long start = System.nanoTime();
                long[] latencies = run(replies, "m", m, window);
                long took = System.nanoTime() - start;
                Latency latency = Latency.of(latencies, m);
                System.out.println(String.format(Locale.ROOT,
                        "RESULT durable mode=%s m=%d msgsPerSec=%.0f replyMeanUs=%.1f replyP50Us=%.1f replyP99Us=%.1f"
                                + " fsyncsPerSec=%.0f", mode, m, m / (took / 1e9), latency.meanUs(), latency.p50Us(),
                        latency.p99Us(), fsyncs));
            } finally {
                host.stop();
            }
        } finally {
            RoutingBenchmark.deleteRecursively(home);
        }
        System.exit(0);
    }

    // Hands M messages to the transport's sink, at most `window` without their reply; returns each reply's latency.
    private static long[] run(Replies replies, String prefix, int count, int window) throws InterruptedException {
        long[] latencies = new long[count];
        Semaphore inFlight = new Semaphore(window);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int index = i;
            long t0 = System.nanoTime();
            replies.expect(prefix + i, () -> {
                latencies[index] = System.nanoTime() - t0;
                inFlight.release();
            });
            String user = "u" + (i % CHATS);
            Chat chat = new Chat(ChatId.of(user), ChatType.PRIVATE, user);
            replies.transport.sink.accept(new Inbound(Message.text(prefix + "-" + i, chat, new User(UserId.of(user), user),
                    "!cmd0 " + prefix + i, Instant.now()), false));
        }
        if (!inFlight.tryAcquire(window, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("replies missing after 60 s");
        }
        inFlight.release(window);
        return latencies;
    }

    // The raw rate of small appends each followed by an fsync, in the folder the database will use.
    private static double fsyncsPerSecond(Path folder, long forNanos) throws IOException {
        Path file = folder.resolve("fsync-probe");
        int count = 0;
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer page = ByteBuffer.allocate(4096);
            while (System.nanoTime() - start < forNanos) {
                page.clear();
                channel.write(page);
                channel.force(false);
                count++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(file);
        return count / seconds;
    }

    /** Replies matched to the message that asked for them; sends complete at once. */
    static final class Replies {
        private final Map<String, Runnable> expected = new ConcurrentHashMap<>();
        final DurableTransport transport = new DurableTransport(text -> {
            Runnable onReply = expected.remove(text);
            if (onReply != null) {
                onReply.run();
            }
            return CompletableFuture.completedFuture("sent");
        });

        void expect(String text, Runnable onReply) {
            expected.put(text, onReply);
        }
    }
}
