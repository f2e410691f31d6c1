package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import dev.blacksky.core.cluster.ClusterDatabase;
import dev.blacksky.core.cluster.ClusterSettings;
import dev.blacksky.core.cluster.FencedStore;
import dev.blacksky.core.cluster.LeaseRow;
import dev.blacksky.core.cluster.LeaseStore;
import dev.blacksky.core.cluster.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged nodes sharing one account through a real PostgreSQL: one runs it, the other stands by; the one
 * paused past its TTL finds the account taken on resuming, stops it without reconnecting, and its write is refused.
 */
class ClusterNodesIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    private static PostgresServer pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        pg.close();
    }

    private Process node(String id) throws IOException {
        return node(id, "simulated");
    }

    private Process node(String id, String transport) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(id));
        Path conf = Files.writeString(dir.resolve("node.conf"), """
                blacksky.transport = %s
                blacksky.cluster { url = "%s", node-id = "%s", lease-ttl = 3s, renew-every = 500ms, fence-margin = 1s }
                """.formatted(transport, pg.url(), id));
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--config",
                conf.toString(), "--data", dir.resolve("data").toString());
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0");
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().put("BLACKSKY_LOGS", dir.resolve("logs").toString());
        builder.redirectOutput(dir.resolve("run.out").toFile()).redirectError(dir.resolve("run.err").toFile());
        return builder.start();
    }

    private String log(String id) throws IOException {
        Path file = tmp.resolve(id).resolve("logs/blacksky.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static LeaseRow lease(LeaseStore observer) throws Exception {
        return observer.leases().stream().filter(r -> r.account().equals("default")).findFirst().orElse(null);
    }

    private static void signal(Process p, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor()).isZero();
    }

    @Test
    void a_node_paused_past_its_ttl_finds_its_account_taken_stops_it_and_is_refused_the_write() throws Exception {
        try (ClusterDatabase observerDb = ClusterDatabase.open(ClusterSettings.from(ConfigFactory.parseMap(Map.of(
                "blacksky.cluster.url", pg.url(), "blacksky.cluster.node-id", "observer"))
                .withFallback(ConfigFactory.defaultReference())))) {
            LeaseStore observer = new LeaseStore(observerDb);
            Process a = node("node-a");
            Process b = null;
            try {
                await("node-a runs the account").atMost(Duration.ofSeconds(60)).until(() -> {
                    LeaseRow r = lease(observer);
                    return r != null && r.live() && "node-a".equals(r.owner());
                });
                long firstEpoch = lease(observer).epoch();
                await("node-a connected").atMost(Duration.ofSeconds(60))
                        .until(() -> status(tmp.resolve("node-a/data")).contains("\"CONNECTED\""));

                b = node("node-b");
                await("node-b standing by").atMost(Duration.ofSeconds(60))
                        .until(() -> log("node-b").contains("Standing by: account 'default' is run by node node-a"));
                assertThat(Files.exists(tmp.resolve("node-b/data/accounts/default/status.json")))
                        .as("a standby opens no session and no connection").isFalse();

                signal(a, "STOP"); // past the TTL: node-b must take over
                await("node-b takes over").atMost(Duration.ofSeconds(20)).until(() -> {
                    LeaseRow r = lease(observer);
                    return r != null && r.live() && "node-b".equals(r.owner());
                });
                assertThat(lease(observer).epoch()).isGreaterThan(firstEpoch);
                await("node-b connected").atMost(Duration.ofSeconds(60))
                        .until(() -> status(tmp.resolve("node-b/data")).contains("\"CONNECTED\""));

                signal(a, "CONT");
                assertThat(a.waitFor(30, TimeUnit.SECONDS)).as("node-a stops after resuming").isTrue();
                assertThat(a.exitValue()).as("exit code: lease lost").isEqualTo(6);
                String logA = log("node-a");
                assertThat(logA).contains("Stopping account 'default'")
                        .contains("refused by the database: stale epoch " + firstEpoch);
                assertThat(status(tmp.resolve("node-a/data"))).doesNotContain("\"CONNECTED\"");
                assertThat(lease(observer).owner()).isEqualTo("node-b");

                b.destroy(); // SIGTERM: a graceful stop hands the lease over at once
                assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(b.exitValue()).isZero();
                assertThat(lease(observer).live()).as("released, not left to expire").isFalse();
            } finally {
                for (Process p : new Process[] {a, b}) {
                    if (p != null && p.isAlive()) {
                        signal(p, "CONT");
                        p.destroyForcibly().waitFor();
                    }
                }
            }
        }
    }

    @Test
    void the_node_taking_over_a_whatsapp_account_continues_its_session_instead_of_pairing_anew() throws Exception {
        try (ClusterDatabase observerDb = ClusterDatabase.open(ClusterSettings.from(ConfigFactory.parseMap(Map.of(
                "blacksky.cluster.url", pg.url(), "blacksky.cluster.node-id", "observer"))
                .withFallback(ConfigFactory.defaultReference())))) {
            LeaseStore observer = new LeaseStore(observerDb);
            FencedStore data = new FencedStore(observerDb);
            Process a = node("wa-a", "whatsapp"); // no network here: it makes its keys, then keeps retrying
            Process b = null;
            try {
                await("wa-a's session copied to the cluster").atMost(Duration.ofSeconds(60))
                        .until(() -> data.get("default", "session").isPresent());
                Path webA = tmp.resolve("wa-a/data/accounts/default/cobalt/web");
                List<Path> sessionsA = list(webA);
                assertThat(sessionsA).hasSize(1);
                Path sessionA = sessionsA.getFirst();

                a.destroy(); // SIGTERM: the lease is handed over at once, the last copy uploaded first
                assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(a.exitValue()).isZero();
                assertThat(lease(observer).live()).isFalse();

                b = node("wa-b", "whatsapp");
                await("wa-b runs the account").atMost(Duration.ofSeconds(60)).until(() -> {
                    LeaseRow r = lease(observer);
                    return r != null && r.live() && "wa-b".equals(r.owner());
                });
                await("wa-b took the session").atMost(Duration.ofSeconds(60))
                        .until(() -> log("wa-b").contains("Session: the session was taken from the cluster"));
                Path webB = tmp.resolve("wa-b/data/accounts/default/cobalt/web");
                await("wa-b's session in use").atMost(Duration.ofSeconds(60))
                        .until(() -> status(tmp.resolve("wa-b/data")).contains("RECONNECTING"));
                assertThat(list(webB)).as("the same identity, no new one").extracting(Path::getFileName)
                        .containsExactly(sessionA.getFileName());
                assertThat(Files.readAllBytes(webB.resolve(sessionA.getFileName()).resolve("keys.proto")))
                        .isEqualTo(Files.readAllBytes(sessionA.resolve("keys.proto")));
            } finally {
                for (Process p : new Process[] {a, b}) {
                    if (p != null && p.isAlive()) {
                        p.destroy();
                        p.waitFor(60, TimeUnit.SECONDS);
                    }
                }
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String status(Path data) throws IOException {
        Path file = data.resolve("accounts/default/status.json");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
