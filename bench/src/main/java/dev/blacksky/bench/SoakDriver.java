package dev.blacksky.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The faulted soak: sends M messages {@code !tally <n>} through {@link SoakBot} on the journaled path while its
 * link drops now and then and the driver SIGKILLs it at random moments, restarting it each time and delivering
 * again whatever it had not acknowledged, as a network does. At the end it counts, from the plugin's store, the
 * messages lost (no {@code seen:<n>}) and the storage effects doubled (the counter above the messages seen), and
 * from the replies how many were sent more than once (replies are at-least-once).
 *
 * <pre>usage: SoakDriver [M=1000000] [seed=1] [mean-seconds-between-kills=8]</pre>
 */
public final class SoakDriver {

    private static final int WINDOW = 256;
    private static final java.util.concurrent.atomic.AtomicInteger ANSWERED = new java.util.concurrent.atomic.AtomicInteger();

    public static void main(String[] args) throws Exception {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random random = new Random(args.length > 1 ? Long.parseLong(args[1]) : 1);
        double meanKillSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 8;
        Path home = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))),
                "blacksky-soak-");
        List<PluginJars.Unit> units = List.of(new PluginJars.Unit("soak", List.of(), false));
        PluginJars.write(home.resolve("plugins"), units);
        Files.writeString(home.resolve("soak.conf"), """
                plugins.soak.tally = true
                blacksky.outbound.outbox { max-attempts = 1000, retry-base = 10ms, retry-cap = 200ms }
                blacksky.inbound.journal { max-entries = 2000000, max-attempts = 1000 }
                blacksky.dispatch.reply-to-unknown-in-private = false
                """);

        AtomicLongArray replies = new AtomicLongArray(m);
        int next = 0; // the first message not yet acknowledged: everything below it is journaled
        int kills = 0;
        long start = System.nanoTime();
        // Kills go on until every message was answered, not only acknowledged: the bot acknowledges a message once
        // journaled and may handle it much later (the journal is its backlog), and those handlings are killed too.
        // Gives up only when answers stop coming for 10 minutes: a message truly lost is never answered.
        long answerDeadline = Long.MAX_VALUE;
        int answeredBefore = -1;
        while (next < m || (ANSWERED.get() < m && System.nanoTime() < answerDeadline)) {
            if (ANSWERED.get() != answeredBefore) {
                answeredBefore = ANSWERED.get();
                answerDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            }
            Bot bot = new Bot(home, replies, next);
            long killAt = System.nanoTime() + (long) (-Math.log(1 - random.nextDouble()) * meanKillSeconds * 1e9);
            int sent = next;
            boolean killed = false;
            while ((next < m || (ANSWERED.get() < m && System.nanoTime() < answerDeadline)) && !killed) {
                while (sent < m && sent - bot.acked() < WINDOW) {
                    bot.send(sent, "!tally " + sent);
                    sent++;
                }
                next = bot.acked();
                if (System.nanoTime() > killAt) {
                    bot.kill();
                    killed = true;
                    kills++;
                } else {
                    bot.awaitAckBeyond(next, 50);
                }
            }
            if (!killed) {
                bot.finish(); // end of input: a clean stop once the replies still queued are out
            }
            next = bot.acked(); // what the killed bot acknowledged before it died; the rest is sent again
            System.out.printf(Locale.ROOT, "%s at message %,d of %,d (%d kills so far)%n",
                    killed ? "killed" : "finished", next, m, kills);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        // Replies still in the outbox go out at a clean start: one more run with nothing to send drains them.
        Bot last = new Bot(home, replies, m);
        last.awaitReplies(m, 120);
        last.finish();
        report(home, m, replies, kills, seconds);
        StringBuilder missing = new StringBuilder();
        for (int i = 0, shown = 0; i < m && shown < 20; i++) {
            if (replies.get(i) == 0) {
                missing.append(' ').append(i);
                shown++;
            }
        }
        if (!missing.isEmpty()) {
            System.out.println("unanswered, first ones:" + missing + "; the data folder is kept: " + home);
        } else {
            RoutingBenchmark.deleteRecursively(home);
        }
    }

    private static void report(Path home, int m, AtomicLongArray replies, int kills, long seconds) throws Exception {
        long seen = 0;
        long count = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/storage.db"));
             Statement s = db.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM plugin_kv WHERE namespace = 'soak' AND key LIKE 'seen:%'")) {
                r.next();
                seen = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery("SELECT value FROM plugin_kv WHERE namespace = 'soak' AND key = 'count'")) {
                count = r.next() ? Long.parseLong(r.getString(1)) : 0;
            }
        }
        long unanswered = 0;
        long repeated = 0;
        for (int i = 0; i < m; i++) {
            long n = replies.get(i);
            unanswered += n == 0 ? 1 : 0;
            repeated += Math.max(0, n - 1);
        }
        System.out.println(String.format(Locale.ROOT,
                "RESULT soak m=%d kills=%d seconds=%d lost=%d doubledStorageEffects=%d unanswered=%d repeatedReplies=%d",
                m, kills, seconds, m - seen, count - seen, unanswered, repeated));
    }

    /** One run of the bot process. */
    private static final class Bot {
        private final Process process;
        private final OutputStream in;
        private final ConcurrentHashMap<Integer, Boolean> ackedIds = new ConcurrentHashMap<>();
        private final Thread reader;
        private final AtomicLongArray replies;
        private volatile int contiguous; // every message below it is acknowledged

        Bot(Path home, AtomicLongArray replies, int base) throws IOException {
            this.replies = replies;
            this.contiguous = base;
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), SoakBot.class.getName(), home.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("bot.err").toFile())).start();
            in = process.getOutputStream();
            reader = Thread.ofPlatform().daemon(true).start(this::read);
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("ack m")) {
                        ackedIds.put(Integer.parseInt(line.substring(5)), Boolean.TRUE);
                        synchronized (this) {
                            int upTo = contiguous;
                            while (ackedIds.remove(upTo) != null) {
                                upTo++;
                            }
                            contiguous = upTo;
                            notifyAll();
                        }
                    } else if (line.startsWith("reply tally ")) {
                        if (replies.incrementAndGet(Integer.parseInt(line.substring(12))) == 1) {
                            ANSWERED.incrementAndGet();
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process died
            }
        }

        void send(int n, String text) throws IOException {
            in.write(("m" + n + " " + text + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** Messages 0 .. acked() - 1 are journaled, by this run or an earlier one. */
        int acked() {
            return contiguous;
        }

        synchronized void awaitAckBeyond(int n, long millis) throws InterruptedException {
            if (acked() <= n) {
                wait(millis);
            }
        }

        void awaitReplies(int m, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                int missing = 0;
                for (int i = 0; i < m && missing == 0; i++) {
                    missing += replies.get(i) == 0 ? 1 : 0;
                }
                if (missing == 0) {
                    return;
                }
                Thread.sleep(200);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL
            process.waitFor();
            reader.join(5_000);
        }

        void finish() throws IOException, InterruptedException {
            in.close();
            process.waitFor();
            reader.join(5_000);
        }
    }
}
