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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three packaged nodes and one account, through rounds of faults chosen at random: the owner SIGKILLed, the owner
 * frozen (SIGSTOP) past its TTL and resumed, the database frozen past the TTL. A node that exits is started again,
 * as a service manager would. After every round: the account is owned again within TTL plus a renewal (plus the
 * start-up of a restarted node), the epoch only rises, a frozen owner exits with 6 on resuming, and the state in
 * the database was written under the current epoch. {@code -Dchaos.rounds} and {@code -Dchaos.seed} make a long run.
 */
class ClusterChaosIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration RENEW = Duration.ofMillis(500);
    private static final Duration OWNED_AGAIN = TTL.plus(RENEW).plusSeconds(10); // a restarted node's start-up too

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

    private final Map<String, Process> nodes = new LinkedHashMap<>();

    private Process start(String id) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(id));
        Path conf = Files.writeString(dir.resolve("node.conf"), """
                blacksky.transport = simulated
                blacksky.cluster { url = "%s", node-id = "%s", lease-ttl = %dms, renew-every = %dms, fence-margin = 1s }
                """.formatted(pg.url(), id, TTL.toMillis(), RENEW.toMillis()));
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--config",
                conf.toString(), "--data", dir.resolve("data").toString());
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0");
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().put("BLACKSKY_LOGS", dir.resolve("logs").toString());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("run.out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("run.err").toFile()));
        Process p = builder.start();
        nodes.put(id, p);
        return p;
    }

    private static void signal(long pid, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
    }

    private static LeaseRow lease(LeaseStore observer) throws Exception {
        return observer.leases().stream().filter(r -> r.account().equals("default")).findFirst().orElse(null);
    }

    // A live lease newer than {@code after}, held by a running node.
    private LeaseRow ownedAgain(LeaseStore observer, long after, String why) {
        return await(why).atMost(OWNED_AGAIN).pollInterval(Duration.ofMillis(100)).until(() -> lease(observer),
                r -> r != null && r.live() && r.epoch() > after && nodes.get(r.owner()) != null
                        && nodes.get(r.owner()).isAlive());
    }

    @Test
    void one_owner_through_kills_pauses_and_database_cuts() throws Exception {
        int rounds = Integer.getInteger("chaos.rounds", 5);
        Random random = new Random(Long.getLong("chaos.seed", 1));
        Map<String, Integer> faults = new LinkedHashMap<>();
        List<Long> epochs = new ArrayList<>();
        try (ClusterDatabase observerDb = ClusterDatabase.open(ClusterSettings.from(ConfigFactory.parseMap(Map.of(
                "blacksky.cluster.url", pg.url(), "blacksky.cluster.node-id", "observer"))
                .withFallback(ConfigFactory.defaultReference())))) {
            LeaseStore observer = new LeaseStore(observerDb);
            FencedStore data = new FencedStore(observerDb);
            for (String id : List.of("n1", "n2", "n3")) {
                start(id);
            }
            LeaseRow owned = ownedAgain(observer, 0, "first owner");
            epochs.add(owned.epoch());
            for (int round = 1; round <= rounds; round++) {
                String owner = owned.owner();
                Process victim = nodes.get(owner);
                int fault = random.nextInt(3);
                switch (fault) {
                    case 0 -> {
                        faults.merge("SIGKILL of the owner", 1, Integer::sum);
                        victim.destroyForcibly().waitFor();
                    }
                    case 1 -> {
                        faults.merge("owner frozen past its TTL", 1, Integer::sum);
                        signal(victim.pid(), "STOP");
                        LeaseRow next = ownedAgain(observer, owned.epoch(), "round " + round + ": taken over from frozen " + owner);
                        assertThat(next.owner()).isNotEqualTo(owner);
                        signal(victim.pid(), "CONT");
                        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).as("frozen owner stops on resuming").isTrue();
                        assertThat(victim.exitValue()).as("exit code of the resumed owner " + owner).isEqualTo(6);
                    }
                    default -> {
                        faults.merge("database frozen past the TTL", 1, Integer::sum);
                        Path status = tmp.resolve(owner).resolve("data/accounts/default/status.json");
                        pg.pause();
                        try {
                            // its connection closes before the lease could run out; handing over waits for the database
                            await("round " + round + ": owner " + owner + " fences itself").atMost(TTL.plusSeconds(5))
                                    .until(() -> Files.readString(status).contains("\"STOPPED\""));
                        } finally {
                            pg.resume();
                        }
                        assertThat(victim.waitFor(60, TimeUnit.SECONDS)).as("cut-off owner exits").isTrue();
                        assertThat(victim.exitValue()).as("exit code of the cut-off owner " + owner).isEqualTo(6);
                    }
                }
                for (Map.Entry<String, Process> node : nodes.entrySet()) {
                    if (!node.getValue().isAlive()) {
                        start(node.getKey()); // as systemd's Restart=on-failure would
                    }
                }
                owned = ownedAgain(observer, epochs.getLast(), "round " + round + ": owned again (epoch rises) after " + faults);
                epochs.add(owned.epoch());
                long current = owned.epoch();
                await("round " + round + ": the owner's state recorded").atMost(Duration.ofSeconds(10))
                        .until(() -> data.get("default", "state").map(FencedStore.Stored::epoch).orElse(0L) == current);
            }
            System.out.printf("CHAOS rounds=%d seed=%d faults=%s epochs=%s%n", rounds, Long.getLong("chaos.seed", 1),
                    faults, epochs);
        } finally {
            for (Process p : nodes.values()) {
                signal(p.pid(), "CONT");
                p.destroy();
            }
            for (Process p : nodes.values()) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
