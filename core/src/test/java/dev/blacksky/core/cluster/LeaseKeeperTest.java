package dev.blacksky.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nodes sharing accounts: spread, hand-over, self-fencing, against a real PostgreSQL. */
class LeaseKeeperTest {

    private static PostgresServer pg;
    private static String url;
    private static int round;

    @BeforeAll
    static void server() throws Exception {
        pg = PostgresServer.shared();
        url = pg.newDatabase();
    }

    /** What a node runs: accounts and the epoch each was started under. */
    static final class Accounts implements AccountOwner {
        final Map<String, Long> running = new ConcurrentHashMap<>();
        final Map<String, Instant> stoppedAt = new ConcurrentHashMap<>();

        @Override
        public void acquired(Lease lease) {
            Long before = running.putIfAbsent(lease.account(), lease.epoch());
            assertThat(before).as("started twice: " + lease.account()).isNull();
        }

        @Override
        public void lost(String account, String why) {
            running.remove(account);
            stoppedAt.put(account, Instant.now());
        }
    }

    private static List<String> accounts(int n) {
        int r = ++round;
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "r" + r + "-acct-" + i).toList();
    }

    @Test
    void two_nodes_share_four_accounts_two_each_and_a_stopping_node_hands_its_own_over_at_once() throws Exception {
        List<String> accounts = accounts(4);
        Duration ttl = Duration.ofSeconds(30); // long: a hand-over that waited for expiry would time the test out
        try (ClusterDatabase da = ClusterDatabase.open(ClusterFixture.settings(url, "keep-a", ttl, Duration.ofMillis(200), Duration.ofSeconds(5)));
             ClusterDatabase db = ClusterDatabase.open(ClusterFixture.settings(url, "keep-b", ttl, Duration.ofMillis(200), Duration.ofSeconds(5)))) {
            Accounts onA = new Accounts();
            Accounts onB = new Accounts();
            LeaseStore storeB = new LeaseStore(db);
            storeB.heartbeat("b", 2); // both live before either takes a share
            LeaseKeeper a = new LeaseKeeper(new LeaseStore(da), da.settings(), accounts, onA);
            LeaseKeeper b = new LeaseKeeper(storeB, db.settings(), accounts, onB);
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(onA.running).hasSize(2);
                assertThat(onB.running).hasSize(2);
            });
            assertThat(onA.running.keySet()).doesNotContainAnyElementsOf(onB.running.keySet());

            a.close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onB.running.keySet()).containsExactlyInAnyOrderElementsOf(accounts));
            b.close();
        }
    }

    @Test
    void a_node_that_took_every_account_alone_hands_the_excess_to_a_node_that_joins() throws Exception {
        List<String> accounts = accounts(4);
        Duration ttl = Duration.ofSeconds(30);
        String url = pg.newDatabase(); // no node of another test counts as live here
        try (ClusterDatabase da = ClusterDatabase.open(ClusterFixture.settings(url, "alone-a", ttl, Duration.ofMillis(200), Duration.ofSeconds(5)));
             ClusterDatabase db = ClusterDatabase.open(ClusterFixture.settings(url, "joins-b", ttl, Duration.ofMillis(200), Duration.ofSeconds(5)))) {
            Accounts onA = new Accounts();
            Accounts onB = new Accounts();
            LeaseKeeper a = new LeaseKeeper(new LeaseStore(da), da.settings(), accounts, onA);
            a.start();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onA.running).hasSize(4));
            LeaseKeeper b = new LeaseKeeper(new LeaseStore(db), db.settings(), accounts, onB);
            b.start();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(onA.running).hasSize(2);
                assertThat(onB.running).hasSize(2);
            });
            assertThat(onA.running.keySet()).doesNotContainAnyElementsOf(onB.running.keySet());
            assertThat(onA.stoppedAt).as("handed over, not lost").hasSize(2);
            b.close();
            a.close();
        }
    }

    @Test
    void a_node_cut_off_from_the_database_stops_its_account_before_the_lease_runs_out() throws Exception {
        List<String> accounts = accounts(1);
        String account = accounts.getFirst();
        Duration ttl = Duration.ofSeconds(4);
        try (ClusterDatabase d = ClusterDatabase.open(ClusterFixture.settings(url, "cut", ttl, Duration.ofMillis(500), Duration.ofMillis(1500)));
             ClusterDatabase observer = ClusterDatabase.open(ClusterFixture.settings(url, "observer"))) {
            Accounts on = new Accounts();
            LeaseKeeper keeper = new LeaseKeeper(new LeaseStore(d), d.settings(), accounts, on);
            keeper.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> on.running.containsKey(account));
            pg.pause();
            try {
                await().atMost(ttl.plusSeconds(2)).until(() -> on.stoppedAt.containsKey(account));
            } finally {
                pg.resume();
            }
            LeaseRow row = new LeaseStore(observer).leases().stream().filter(r -> r.account().equals(account))
                    .findFirst().orElseThrow();
            assertThat(on.stoppedAt.get(account)).as("stopped before the lease ran out").isBefore(row.expiresAt());
            keeper.close();
        }
    }

    @Test
    void a_node_resumed_after_a_pause_past_its_ttl_stops_the_account_another_node_took_and_does_not_take_it_back() throws Exception {
        List<String> accounts = accounts(1);
        String account = accounts.getFirst();
        Duration ttl = Duration.ofMillis(1500);
        AtomicLong pausedClock = new AtomicLong();
        try (ClusterDatabase dp = ClusterDatabase.open(ClusterFixture.settings(url, "paused", ttl, Duration.ofMillis(300), Duration.ofMillis(500)));
             ClusterDatabase dt = ClusterDatabase.open(ClusterFixture.settings(url, "taker", ttl, Duration.ofMillis(300), Duration.ofMillis(500)))) {
            Accounts onPaused = new Accounts();
            // Rounds driven by hand: nothing of this node runs between two calls, as in a SIGSTOP.
            LeaseKeeper paused = new LeaseKeeper(new LeaseStore(dp), dp.settings(), accounts, onPaused, pausedClock::get);
            new LeaseStore(dp).register(accounts);
            paused.round();
            assertThat(onPaused.running).containsKey(account);
            long epoch = onPaused.running.get(account);

            Accounts onTaker = new Accounts();
            LeaseKeeper taker = new LeaseKeeper(new LeaseStore(dt), dt.settings(), accounts, onTaker);
            taker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> onTaker.running.containsKey(account));
            assertThat(onTaker.running.get(account)).isGreaterThan(epoch);

            pausedClock.addAndGet(Duration.ofSeconds(5).toNanos()); // the pause, as the paused node's clock saw it
            paused.round();
            assertThat(onPaused.running).doesNotContainKey(account);
            assertThat(onPaused.stoppedAt).containsKey(account);
            assertThat(paused.leases()).isEmpty();
            taker.close();
        }
    }
}
