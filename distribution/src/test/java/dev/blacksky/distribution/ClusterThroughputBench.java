package dev.blacksky.distribution;

import static org.awaitility.Awaitility.await;

import dev.blacksky.core.cluster.PostgresServer;
import dev.blacksky.core.connection.simulated.RehearsalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the suite (run with {@code -Dit.test=ClusterThroughputBench}): how fast one packaged node answers a
 * burst of messages on one account, its journal and outbox in the node's own SQLite or in the cluster's PostgreSQL.
 * Each message is in a chat of its own, so that chats' order does not serialise them. Prints RESULT lines.
 */
class ClusterThroughputBench {

    @TempDir
    Path tmp;

    @Test
    void a_burst_answered_from_sqlite_and_from_postgresql() throws Exception {
        int messages = Integer.getInteger("bench.messages", 2000);
        int runs = Integer.getInteger("bench.runs", 3);
        PostgresServer pg = PostgresServer.shared();
        for (int run = 1; run <= runs; run++) {
            for (String storage : List.of("sqlite", "postgresql")) {
                String url = storage.equals("postgresql") ? pg.newDatabase() : null;
                measure(storage, url, messages, tmp.resolve(storage + run));
            }
        }
    }

    private void measure(String storage, String url, int messages, Path dir) throws Exception {
        try (RehearsalServer whatsapp = RehearsalServer.start(0, Duration.ofSeconds(5))) {
            String server = "blacksky.connection.rehearsal-server = \"" + whatsapp.address() + "\"";
            Process node = url == null
                    ? startAlone(dir, server)
                    : ClusterNode.start(dir, "bench", "simulated", url, Duration.ofSeconds(15), Duration.ofSeconds(4), server);
            try {
                await("connected").atMost(Duration.ofSeconds(60)).until(() -> ClusterNode.status(dir).contains("\"CONNECTED\""));
                long start = System.nanoTime();
                for (int i = 1; i <= messages; i++) {
                    whatsapp.play("default", "in" + i, "user" + i, "!ping");
                }
                await("answered").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                        .until(() -> whatsapp.traffic().answered() == messages);
                long took = System.nanoTime() - start;
                System.out.println(String.format(Locale.ROOT, "RESULT clustered-journal storage=%s messages=%d ms=%d msgsPerSec=%.0f",
                        storage, messages, took / 1_000_000, messages / (took / 1e9)));
            } finally {
                node.destroy();
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
        }
    }

    // The same node without a cluster: its journal and outbox in its own SQLite database.
    private static Process startAlone(Path dir, String server) throws Exception {
        Files.createDirectories(dir);
        Path conf = Files.writeString(dir.resolve("node.conf"), "blacksky.transport = simulated\n" + server + "\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("blacksky.dist", "target/blacksky"))
                .toAbsolutePath().resolve("bin/blacksky").toString(), "run", "--config", conf.toString(), "--data",
                dir.resolve("data").toString());
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("BLACKSKY_LOGS", dir.resolve("logs").toString());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("run.out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("run.err").toFile()));
        return builder.start();
    }
}
