package dev.blacksky.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases and the fence, against a real PostgreSQL. */
class LeaseStoreTest {

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Duration SHORT = Duration.ofMillis(300);

    private static PostgresServer pg;
    private static String url;
    private static int round;

    private ClusterDatabase a;
    private ClusterDatabase b;
    private LeaseStore nodeA;
    private LeaseStore nodeB;
    private String account;

    @BeforeAll
    static void server() throws Exception {
        pg = PostgresServer.shared();
        url = pg.newDatabase();
    }

    @BeforeEach
    void open() throws Exception {
        a = ClusterDatabase.open(ClusterFixture.settings(url, "node-a"));
        b = ClusterDatabase.open(ClusterFixture.settings(url, "node-b"));
        nodeA = new LeaseStore(a);
        nodeB = new LeaseStore(b);
        nodeA.heartbeat("host-a", 1);
        nodeB.heartbeat("host-b", 2);
        account = "account-" + ++round;
        nodeA.register(List.of(account));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void one_node_holds_an_account_and_the_other_is_refused_while_it_does() throws Exception {
        Lease lease = nodeA.acquire(account, TTL).orElseThrow();
        assertThat(lease.epoch()).isEqualTo(1);
        assertThat(lease.owner()).isEqualTo("node-a");
        assertThat(nodeB.acquire(account, TTL)).isEmpty();
        assertThat(nodeA.renew(lease, TTL).held()).isTrue();
    }

    @Test
    void an_expired_lease_is_taken_with_a_higher_epoch_and_its_old_owner_cannot_renew_it() throws Exception {
        Lease old = nodeA.acquire(account, SHORT).orElseThrow();
        Lease taken = await().atMost(Duration.ofSeconds(5)).until(() -> nodeB.acquire(account, TTL).orElse(null), l -> l != null);
        assertThat(taken.epoch()).isEqualTo(old.epoch() + 1);
        assertThat(nodeA.renew(old, TTL).held()).isFalse();
    }

    @Test
    void an_expired_lease_nobody_took_is_not_renewed_either() throws Exception {
        Lease old = nodeA.acquire(account, SHORT).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> nodeA.leases().stream()
                .anyMatch(r -> r.account().equals(account) && !r.live()));
        assertThat(nodeA.renew(old, TTL).held()).isFalse();
    }

    @Test
    void a_release_hands_the_account_over_at_once() throws Exception {
        Lease lease = nodeA.acquire(account, TTL).orElseThrow();
        nodeA.release(lease);
        assertThat(nodeB.acquire(account, TTL)).hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(2));
    }

    @Test
    void a_write_under_a_stale_epoch_is_refused_by_the_database_naming_both_epochs() throws Exception {
        FencedStore storeA = new FencedStore(a);
        FencedStore storeB = new FencedStore(b);
        Lease old = nodeA.acquire(account, SHORT).orElseThrow();
        storeA.put(old, "session", new byte[] {1});
        Lease current = await().atMost(Duration.ofSeconds(5)).until(() -> nodeB.acquire(account, TTL).orElse(null), l -> l != null);
        storeB.put(current, "session", new byte[] {2});

        assertThatThrownBy(() -> storeA.put(old, "session", new byte[] {3}))
                .isInstanceOfSatisfying(StaleEpochException.class, e -> assertThat(e.epoch()).isEqualTo(old.epoch()))
                .hasMessageContaining("stale epoch " + old.epoch())
                .hasMessageContaining("at epoch " + current.epoch())
                .hasMessageContaining("node-b");
        FencedStore.Stored stored = storeB.get(account, "session").orElseThrow();
        assertThat(stored.value()).containsExactly(2);
        assertThat(stored.epoch()).isEqualTo(current.epoch());
    }

    @Test
    void a_write_after_the_lease_ran_out_is_refused_even_before_anyone_takes_over() throws Exception {
        Lease lease = nodeA.acquire(account, SHORT).orElseThrow();
        FencedStore store = new FencedStore(a);
        store.put(lease, "k", new byte[] {1});
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThatThrownBy(() -> store.put(lease, "k", new byte[] {2})).isInstanceOf(StaleEpochException.class));
    }

    @Test
    void a_moved_account_is_offered_to_its_new_node_only() throws Exception {
        ClusterDatabase c = ClusterDatabase.open(ClusterFixture.settings(url, "node-c"));
        try {
            LeaseStore nodeC = new LeaseStore(c);
            nodeC.heartbeat("host-c", 3);
            Lease lease = nodeA.acquire(account, TTL).orElseThrow();
            assertThat(nodeA.requestMove(account, "node-b")).isTrue();
            LeaseStore.Renewal renewal = nodeA.renew(lease, TTL);
            assertThat(renewal.moveTo()).isEqualTo("node-b");
            nodeA.release(lease);
            assertThat(nodeC.acquire(account, TTL)).isEmpty();
            Lease moved = nodeB.acquire(account, TTL).orElseThrow();
            assertThat(nodeB.leases()).filteredOn(r -> r.account().equals(account))
                    .singleElement().satisfies(r -> {
                        assertThat(r.owner()).isEqualTo("node-b");
                        assertThat(r.moveTo()).isNull();
                        assertThat(r.epoch()).isEqualTo(moved.epoch());
                    });
        } finally {
            c.close();
        }
    }

    @Test
    void a_bad_address_stops_with_the_key_and_what_to_check() {
        ClusterSettings bad = ClusterFixture.settings(url, "node-x");
        ClusterSettings unreachable = new ClusterSettings("jdbc:postgresql://127.0.0.1:1/blacksky", bad.user(), "",
                "node-x", bad.leaseTtl(), bad.renewEvery(), bad.fenceMargin(), 1, Duration.ofSeconds(1));
        assertThatThrownBy(() -> ClusterDatabase.open(unreachable)).isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("blacksky.cluster.url").hasMessageContaining("127.0.0.1:1");
    }
}
