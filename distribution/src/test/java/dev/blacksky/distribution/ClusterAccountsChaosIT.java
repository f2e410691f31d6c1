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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten accounts on three packaged nodes sharing a PostgreSQL and a simulated WhatsApp: random rounds of a node
 * killed, frozen past the TTL, or the database frozen past the TTL, while users keep sending {@code !ping}. The
 * accounts spread over the nodes, each is owned again within its bound after every fault, never two connections
 * of one account live at once (the rehearsal server counts 440s), each account's state is recorded under its
 * current epoch only, and every message is answered, once, by a live connection.
 */
class ClusterAccountsChaosIT {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration RENEW = Duration.ofMillis(500);
    private static final Duration OWNED_AGAIN = TTL.plus(RENEW).plusSeconds(10); // a restarted node's start-up too
    private static final List<String> ACCOUNTS = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();
    private static final List<String> FAULTS =
            List.of("SIGKILL of a node", "node frozen past its TTL", "database frozen past the TTL");

    private static PostgresServer pg;
    private static String url;
    private static RehearsalServer whatsapp;

    @TempDir
    Path tmp;

    private final Map<String, Process> nodes = new LinkedHashMap<>();

    @BeforeAll
    static void server() throws Exception {
        pg = PostgresServer.shared();
        url = pg.newDatabase();
        whatsapp = RehearsalServer.start(0, Duration.ofSeconds(2));
    }

    @AfterAll
    static void closeWhatsApp() throws Exception {
        whatsapp.close();
    }

    private void start(String id) throws IOException {
        String accounts = ACCOUNTS.stream().map(a -> "  { name = " + a + " }").collect(Collectors.joining("\n"));
        nodes.put(id, ClusterNode.start(tmp.resolve(id), id, "simulated", url, TTL, RENEW,
                "blacksky.connection.rehearsal-server = \"" + whatsapp.address() + "\"\nblacksky.accounts = [\n"
                        + accounts + "\n]"));
    }

    private Map<String, LeaseRow> leases(LeaseStore observer) throws Exception {
        return observer.leases().stream().filter(r -> ACCOUNTS.contains(r.account()))
                .collect(Collectors.toMap(LeaseRow::account, r -> r));
    }

    // Every account in a live lease of a running node, each newer than the epoch it had before the fault.
    private Map<String, LeaseRow> allOwned(LeaseStore observer, Map<String, Long> after, String why) {
        return await(why).atMost(OWNED_AGAIN).pollInterval(Duration.ofMillis(100)).until(() -> leases(observer),
                rows -> rows.size() == ACCOUNTS.size() && rows.values().stream().allMatch(r -> r.live()
                        && r.epoch() > after.getOrDefault(r.account(), 0L) && nodes.containsKey(r.owner())
                        && nodes.get(r.owner()).isAlive()));
    }

    private static String status(Path node, String account) {
        Path file = node.resolve("data/accounts").resolve(account).resolve("status.json");
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return ""; // being replaced just now: read it at the next poll
        }
    }

    // Every account connected on whichever node owns it now (a rebalance may have moved it meanwhile).
    private Map<String, LeaseRow> allConnected(LeaseStore observer, String why) {
        return await(why + ": every account connected on its owner").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> leases(observer), rows -> {
                    for (LeaseRow row : rows.values()) {
                        if (!row.live() || !nodes.get(row.owner()).isAlive()
                                || !status(tmp.resolve(row.owner()), row.account()).contains("\"CONNECTED\"")) {
                            return false;
                        }
                    }
                    return rows.size() == ACCOUNTS.size();
                });
    }

    // Each account's state recorded by its owner under the epoch of the lease it holds now, and no other.
    private void stateUnderCurrentEpochs(LeaseStore observer, FencedStore data, String why) {
        await(why + ": each account's state recorded under its current epoch").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    for (LeaseRow row : leases(observer).values()) {
                        if (!row.live() || data.get(row.account(), "state").map(FencedStore.Stored::epoch).orElse(0L)
                                != row.epoch()) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private static Map<String, Long> perNode(Map<String, LeaseRow> owned) {
        return owned.values().stream().filter(r -> r.live() && r.owner() != null).collect(Collectors.groupingBy(LeaseRow::owner, java.util.TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void ten_accounts_stay_owned_once_through_kills_pauses_and_database_cuts() throws Exception {
        int rounds = Integer.getInteger("chaos.rounds", 4);
        Random random = new Random(Long.getLong("chaos.seed", 3)); // 3: each kind of fault in the first four rounds
        Map<String, Integer> faults = new LinkedHashMap<>();
        Map<String, Long> worstOwned = new LinkedHashMap<>();
        Map<String, Long> worstConnected = new LinkedHashMap<>();
        List<Map<String, Long>> spreads = new ArrayList<>();
        int conflictsSeen = 0;
        java.util.concurrent.ScheduledExecutorService users = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger sentByUsers = new java.util.concurrent.atomic.AtomicInteger();
        Random pick = new Random(Long.getLong("chaos.seed", 3) + 1);
        try (ClusterDatabase observerDb = PostgresServer.node(url, "observer")) {
            LeaseStore observer = new LeaseStore(observerDb);
            FencedStore data = new FencedStore(observerDb);
            for (String id : List.of("n1", "n2", "n3")) {
                start(id);
            }
            Map<String, LeaseRow> owned = allOwned(observer, Map.of(), "first owners");
            allConnected(observer, "first owners");
            Map<String, LeaseRow> spread = await("spread over the three nodes").atMost(Duration.ofSeconds(30))
                    .until(() -> leases(observer), rows -> perNode(rows).size() == 3
                            && perNode(rows).values().stream().allMatch(n -> n <= 4)
                            && rows.values().stream().allMatch(LeaseRow::live));
            spreads.add(perNode(spread));
            owned = allConnected(observer, "spread");
            // Users write all along, faults or not: ten messages a second, each in a chat of its own.
            users.scheduleAtFixedRate(() -> {
                int n = sentByUsers.incrementAndGet();
                whatsapp.play(ACCOUNTS.get(pick.nextInt(ACCOUNTS.size())), "in" + n, "user" + n, "!ping");
            }, 0, 100, TimeUnit.MILLISECONDS);
            for (int round = 1; round <= rounds; round++) {
                Map<String, Long> before = new LinkedHashMap<>();
                owned.values().forEach(r -> before.put(r.account(), r.epoch()));
                List<String> busy = new ArrayList<>(perNode(owned).keySet());
                String victimId = busy.get(random.nextInt(busy.size()));
                Process victim = nodes.get(victimId);
                List<String> victims = owned.values().stream().filter(r -> r.owner().equals(victimId))
                        .map(LeaseRow::account).toList();
                int fault = random.nextInt(3);
                String kind = FAULTS.get(fault);
                faults.merge(kind, 1, Integer::sum);
                Map<String, Long> after = new LinkedHashMap<>();
                long faultAt = System.nanoTime();
                Long ownedAt = null;
                switch (fault) {
                    case 0 -> {
                        victim.destroyForcibly().waitFor();
                        victims.forEach(a -> after.put(a, before.get(a)));
                    }
                    case 1 -> {
                        ClusterNode.signal(victim, "STOP");
                        victims.forEach(a -> after.put(a, before.get(a)));
                        Map<String, LeaseRow> next = allOwned(observer, after, "round " + round + ": taken from frozen " + victimId);
                        ownedAt = System.nanoTime();
                        assertThat(next.values()).filteredOn(r -> victims.contains(r.account()))
                                .allSatisfy(r -> assertThat(r.owner()).isNotEqualTo(victimId));
                        ClusterNode.signal(victim, "CONT");
                        for (String account : victims) { // it stops them on resuming, and stays up for the rest
                            await("round " + round + ": resumed " + victimId + " stops " + account).atMost(Duration.ofSeconds(20))
                                    .until(() -> !status(tmp.resolve(victimId), account).contains("\"CONNECTED\""));
                        }
                        assertThat(victim.isAlive()).as("a node with several accounts stays up when it loses some").isTrue();
                    }
                    default -> {
                        after.putAll(before); // every node loses every account
                        pg.pause();
                        try {
                            for (LeaseRow row : owned.values()) {
                                await("round " + round + ": " + row.owner() + " fences " + row.account())
                                        .atMost(TTL.plusSeconds(5))
                                        .until(() -> status(tmp.resolve(row.owner()), row.account()).contains("\"STOPPED\""));
                            }
                        } finally {
                            pg.resume();
                        }
                    }
                }
                for (Map.Entry<String, Process> node : nodes.entrySet()) {
                    if (!node.getValue().isAlive()) {
                        start(node.getKey()); // as systemd's Restart=on-failure would
                    }
                }
                owned = allOwned(observer, after, "round " + round + ": owned again after " + kind);
                ownedAt = ownedAt != null ? ownedAt : System.nanoTime();
                owned = allConnected(observer, "round " + round);
                worstOwned.merge(kind, (ownedAt - faultAt) / 1_000_000, Math::max);
                worstConnected.merge(kind, (System.nanoTime() - faultAt) / 1_000_000, Math::max);
                spreads.add(perNode(owned));
                if (whatsapp.conflicts().size() > conflictsSeen) {
                    conflictsSeen = whatsapp.conflicts().size();
                    System.out.printf("CHAOS10 conflict in round %d (%s of %s, which ran %s): %s%n", round, kind, victimId,
                            victims, whatsapp.conflicts());
                }
                stateUnderCurrentEpochs(observer, data, "round " + round);
                owned = allConnected(observer, "round " + round + ", settled");
            }
            Map<String, LeaseRow> settled = await("spread again").atMost(Duration.ofSeconds(30))
                    .until(() -> leases(observer), rows -> perNode(rows).size() == 3
                            && perNode(rows).values().stream().allMatch(n -> n <= 4)
                            && rows.values().stream().allMatch(LeaseRow::live));
            spreads.add(perNode(settled));
            users.shutdown();
            assertThat(users.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            RehearsalServer.Traffic traffic = await("every message acknowledged and answered").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(whatsapp::traffic,
                            t -> t.acknowledged() == t.played() && t.unanswered().isEmpty());
            assertThat(whatsapp.conflicts()).as("440 conflicts: two nodes' connections of one account live at once").isEmpty();
            assertThat(traffic.answeredMoreThanOnce()).as("messages answered more than once").isEmpty();
            assertThat(traffic.staleSends()).as("sends from a connection that was no longer live").isEmpty();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "blacksky", "");
                 java.sql.ResultSet r = c.createStatement().executeQuery("SELECT count(*), count(*) FILTER (WHERE state = 1),"
                         + " (SELECT count(*) FROM outbound_messages) FROM inbound_messages")) {
                r.next();
                assertThat(r.getInt(1)).as("messages in the cluster's journal").isEqualTo(traffic.played());
                assertThat(r.getInt(2)).as("of them handled").isEqualTo(traffic.played());
                await("the outboxes emptied").atMost(Duration.ofSeconds(20)).until(() -> {
                    try (java.sql.ResultSet left = c.createStatement().executeQuery("SELECT count(*) FROM outbound_messages")) {
                        left.next();
                        return left.getInt(1) == 0;
                    }
                });
            }
            System.out.printf("CHAOS10 rounds=%d seed=%d faults=%s logins=%d conflicts=%d worstOwnedMs=%s"
                    + " worstConnectedMs=%s spreads=%s messages=%d answered=%d answeredTwice=%d sends=%d staleSends=%d%n",
                    rounds, Long.getLong("chaos.seed", 3), faults, whatsapp.logins(), whatsapp.conflicts().size(), worstOwned,
                    worstConnected, spreads, traffic.played(), traffic.answered(), traffic.answeredMoreThanOnce().size(),
                    traffic.sends(), traffic.staleSends().size());
        } finally {
            users.shutdownNow();
            for (Process p : nodes.values()) {
                ClusterNode.signal(p, "CONT");
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
