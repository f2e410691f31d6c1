package dev.blacksky.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.blacksky.core.session.AccountLayout;
import dev.blacksky.core.session.Backup;
import dev.blacksky.core.session.SessionEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session carried from node to node through the cluster database, against a real PostgreSQL. */
class SessionReplicaTest {

    private static final String SESSION = "2f0c6a1e-0000-4000-8000-000000000001";
    private static PostgresServer pg;
    private static String url;
    private static int round;

    @TempDir
    Path tmp;

    private ClusterDatabase database;
    private LeaseStore leases;
    private FencedStore store;
    private String account;

    @BeforeAll
    static void server() throws Exception {
        pg = PostgresServer.shared();
        url = pg.newDatabase();
    }

    @BeforeEach
    void open() throws Exception {
        database = ClusterDatabase.open(ClusterFixture.settings(url, "node-a"));
        leases = new LeaseStore(database);
        store = new FencedStore(database);
        account = "replica-" + ++round;
        leases.register(List.of(account));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Backup backup(String content) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("backup-" + content));
        Files.writeString(dir.resolve("keys.proto"), "keys " + content);
        Files.writeString(dir.resolve("store.proto"), "store " + content);
        return new Backup("b-" + content, dir, 1, SESSION, Instant.now(), Map.of("keys.proto", 9L, "store.proto", 10L), null);
    }

    private AccountLayout node(String name) {
        return AccountLayout.of(tmp.resolve(name), account);
    }

    private void uploaded(Lease lease, AccountLayout from, Backup backup, List<String> stale) {
        try (SessionReplica replica = new SessionReplica(store, from, lease, stale::add)) {
            replica.onEvent(new SessionEvent.BackedUp(backup));
        }
    }

    @Test
    void the_node_taking_over_continues_the_session_and_keeps_its_own_older_one_in_quarantine() throws Exception {
        AccountLayout a = node("a");
        AccountLayout b = node("b");
        Files.createDirectories(a.root());
        assertThat(SessionReplica.restore(store, b, account)).contains("no copy");

        Lease lease = leases.acquire(account, Duration.ofMinutes(1)).orElseThrow();
        List<String> stale = new CopyOnWriteArrayList<>();
        uploaded(lease, a, backup("v1"), stale);
        assertThat(stale).isEmpty();
        assertThat(SessionReplica.restore(store, a, account)).as("the uploader's own copy").contains("is the cluster's copy");

        Path bSession = b.cobalt().resolve("web").resolve(SESSION);
        Files.createDirectories(bSession);
        Files.writeString(bSession.resolve("keys.proto"), "keys from an older run on b");
        assertThat(SessionReplica.restore(store, b, account)).contains("taken from the cluster").contains("quarantine");
        assertThat(bSession.resolve("keys.proto")).hasContent("keys v1");
        assertThat(bSession.resolve("store.proto")).hasContent("store v1");
        try (var aside = Files.list(b.quarantine())) {
            Path moved = aside.findFirst().orElseThrow();
            assertThat(moved.resolve("keys.proto")).hasContent("keys from an older run on b");
        }
        assertThat(SessionReplica.restore(store, b, account)).contains("is the cluster's copy");
    }

    @Test
    void an_upload_under_a_lost_lease_is_refused_and_reported_to_fence_the_node() throws Exception {
        AccountLayout a = node("a");
        Files.createDirectories(a.root());
        Lease old = leases.acquire(account, Duration.ofMillis(200)).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> leases.leases().stream()
                .anyMatch(r -> r.account().equals(account) && !r.live()));
        List<String> stale = new CopyOnWriteArrayList<>();
        uploaded(old, a, backup("late"), stale);
        assertThat(stale).singleElement().asString().contains("stale epoch " + old.epoch());
        assertThat(store.get(account, SessionReplica.KEY)).isEmpty();
    }

    @Test
    void a_copy_whose_entries_leave_the_session_folder_is_refused_before_anything_moves() throws Exception {
        Lease lease = leases.acquire(account, Duration.ofMinutes(1)).orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../escaped/keys.proto"));
            zip.write(new byte[] {1});
            zip.closeEntry();
        }
        store.put(lease, SessionReplica.KEY, bytes.toByteArray());
        AccountLayout b = node("b");
        Files.createDirectories(b.root());
        assertThatThrownBy(() -> SessionReplica.restore(store, b, account)).isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected entry");
        assertThat(tmp.resolve("escaped")).doesNotExist();
        assertThat(b.cobalt().resolve("web")).doesNotExist();
    }
}
