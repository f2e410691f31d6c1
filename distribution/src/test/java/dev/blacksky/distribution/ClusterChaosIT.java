package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.core.cluster.ClusterDatabase;
import dev.blacksky.core.cluster.FencedStore;
import dev.blacksky.core.cluster.LeaseRow;
import dev.blacksky.core.cluster.LeaseStore;
import dev.blacksky.core.cluster.PostgresServer;
import dev.blacksky.core.connection.simulated.RehearsalServer;
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

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration RENEW = Duration.ofMillis(500);
    private static final Duration OWNED_AGAIN = TTL.plus(RENEW).plusSeconds(10); // a restarted node's start-up too

    private static PostgresServer pg;
    private static String url;
    private static RehearsalServer whatsapp;

    @TempDir
    Path tmp;

    @BeforeAll
    static void server() throws Exception {
        pg = PostgresServer.shared();
        url = pg.newDatabase();
        // WhatsApp's side, shared by the three nodes: a login while another node's connection still beats is a 440.
        // Its window is shorter than the lease TTL, as WhatsApp's keepalive timeout must be for real accounts.
        whatsapp = RehearsalServer.start(0, Duration.ofSeconds(2));
    }

    @AfterAll
    static void closeWhatsApp() throws Exception {
        whatsapp.close();
    }

    private static final List<String> FAULTS =
            List.of("SIGKILL of the owner", "owner frozen past its TTL", "database frozen past the TTL");

    private final Map<String, Process> nodes = new LinkedHashMap<>();

    private void start(String id) throws IOException {
        nodes.put(id, ClusterNode.start(tmp.resolve(id), id, "simulated", url, TTL, RENEW,
                "blacksky.connection.rehearsal-server = \"" + whatsapp.address() + "\""));
    }

    private static void signal(long pid, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
    }

    private static LeaseRow lease(LeaseStore observer) throws Exception {
        return ClusterNode.lease(observer);
    }

    // A live lease newer than {@code after}, held by a running node.
    private LeaseRow ownedAgain(LeaseStore observer, long after, String why) {
        return await(why).atMost(OWNED_AGAIN).pollInterval(Duration.ofMillis(100)).until(() -> lease(observer),
                r -> r != null && r.live() && r.epoch() > after && nodes.get(r.owner()) != null
                        && nodes.get(r.owner()).isAlive());
    }

    // The owner's connection is up again (its status file says so, and the rehearsal server saw its login).
    private void connected(String owner, String why) {
        await(why + ": " + owner + " connected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> ClusterNode.status(tmp.resolve(owner)).contains("\"CONNECTED\""));
    }

    @Test
    void one_owner_through_kills_pauses_and_database_cuts() throws Exception {
        int rounds = Integer.getInteger("chaos.rounds", 5);
        Random random = new Random(Long.getLong("chaos.seed", 1));
        Map<String, Integer> faults = new LinkedHashMap<>();
        // from the fault to a live lease of a running node, and to its connection up, worst per kind of fault
        Map<String, Long> worstOwned = new LinkedHashMap<>();
        Map<String, Long> worstConnected = new LinkedHashMap<>();
        List<Long> epochs = new ArrayList<>();
        java.util.concurrent.ScheduledExecutorService users = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        try (ClusterDatabase observerDb = PostgresServer.node(url, "observer")) {
            LeaseStore observer = new LeaseStore(observerDb);
            FencedStore data = new FencedStore(observerDb);
            for (String id : List.of("n1", "n2", "n3")) {
                start(id);
            }
            LeaseRow owned = ownedAgain(observer, 0, "first owner");
            connected(owned.owner(), "first owner");
            epochs.add(owned.epoch());
            // A user writes all along, five messages a second, each in a chat of its own.
            users.scheduleAtFixedRate(() -> {
                int n = written.incrementAndGet();
                whatsapp.play("default", "in" + n, "user" + n, "!ping");
            }, 0, 200, TimeUnit.MILLISECONDS);
            for (int round = 1; round <= rounds; round++) {
                String owner = owned.owner();
                Process victim = nodes.get(owner);
                int fault = random.nextInt(3);
                long faultAt = System.nanoTime();
                int loginsBefore = whatsapp.logins();
                Long ownedAt = null;
                switch (fault) {
                    case 0 -> {
                        faults.merge(FAULTS.get(0), 1, Integer::sum);
                        victim.destroyForcibly().waitFor();
                    }
                    case 1 -> {
                        faults.merge(FAULTS.get(1), 1, Integer::sum);
                        signal(victim.pid(), "STOP");
                        LeaseRow next = ownedAgain(observer, owned.epoch(), "round " + round + ": taken over from frozen " + owner);
                        ownedAt = System.nanoTime();
                        assertThat(next.owner()).isNotEqualTo(owner);
                        signal(victim.pid(), "CONT");
                        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).as("frozen owner stops on resuming").isTrue();
                        assertThat(victim.exitValue()).as("exit code of the resumed owner " + owner).isEqualTo(6);
                    }
                    default -> {
                        faults.merge(FAULTS.get(2), 1, Integer::sum);
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
                ownedAt = ownedAt != null ? ownedAt : System.nanoTime();
                connected(owned.owner(), "round " + round);
                // A status file a killed node left behind may still say CONNECTED: the new owner's login is what counts.
                await("round " + round + ": the new owner's login").atMost(Duration.ofSeconds(30))
                        .until(() -> whatsapp.logins() > loginsBefore);
                String kind = FAULTS.get(fault);
                worstOwned.merge(kind, (ownedAt - faultAt) / 1_000_000, Math::max);
                worstConnected.merge(kind, (System.nanoTime() - faultAt) / 1_000_000, Math::max);
                epochs.add(owned.epoch());
                long current = owned.epoch();
                await("round " + round + ": the owner's state recorded").atMost(Duration.ofSeconds(10))
                        .until(() -> data.get("default", "state").map(FencedStore.Stored::epoch).orElse(0L) == current);
            }
            users.shutdown();
            assertThat(users.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            RehearsalServer.Traffic traffic = await("every message acknowledged and answered").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(whatsapp::traffic,
                            t -> t.acknowledged() == t.played() && t.unanswered().isEmpty());
            assertThat(whatsapp.conflicts()).as("440 conflicts: two nodes' connections live at once").isEmpty();
            assertThat(whatsapp.logins()).as("logins seen by the rehearsal server").isGreaterThan(rounds);
            assertThat(traffic.answeredMoreThanOnce()).as("messages answered more than once").isEmpty();
            assertThat(traffic.staleSends()).as("sends from a connection that was no longer live").isEmpty();
            System.out.printf("CHAOS rounds=%d seed=%d faults=%s epochs=%s logins=%d conflicts=%d worstOwnedMs=%s"
                    + " worstConnectedMs=%s messages=%d answered=%d answeredTwice=%d sends=%d staleSends=%d%n", rounds,
                    Long.getLong("chaos.seed", 1), faults, epochs, whatsapp.logins(), whatsapp.conflicts().size(), worstOwned,
                    worstConnected, traffic.played(), traffic.answered(), traffic.answeredMoreThanOnce().size(),
                    traffic.sends(), traffic.staleSends().size());
        } finally {
            users.shutdownNow();
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
