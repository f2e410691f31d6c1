package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.blacksky.core.cluster.ClusterDatabase;
import dev.blacksky.core.cluster.Lease;
import dev.blacksky.core.cluster.LeaseStore;
import dev.blacksky.core.cluster.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code blacksky cluster status|move} from the packaged installation, against a real PostgreSQL. */
class ClusterIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();
    private static final String JAVA_HOME = System.getProperty("java.home");

    private static String url;

    @BeforeAll
    static void server() throws Exception {
        url = PostgresServer.shared().newDatabase();
    }

    private static Launch.Result cluster(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "cluster";
        System.arraycopy(args, 0, full, 1, args.length);
        return Launch.of(DIST.resolve("bin/blacksky"), full).env("JAVA_HOME", JAVA_HOME)
                .env("CONFIG_FORCE_blacksky_cluster_url", url).run();
    }

    @Test
    void status_shows_nodes_owners_epochs_and_lease_ages_and_move_hands_an_account_to_a_live_node() throws Exception {
        try (ClusterDatabase a = PostgresServer.node(url, "node-a"); ClusterDatabase b = PostgresServer.node(url, "node-b")) {
            LeaseStore storeA = new LeaseStore(a);
            LeaseStore storeB = new LeaseStore(b);
            storeA.heartbeat("host-a", 101);
            storeB.heartbeat("host-b", 202);
            storeA.register(List.of("sales", "support"));
            Lease sales = storeA.acquire("sales", Duration.ofMinutes(5)).orElseThrow();
            storeA.release(sales);
            sales = storeA.acquire("sales", Duration.ofMinutes(5)).orElseThrow();

            Launch.Result status = cluster("status");
            assertThat(status.exit()).as(status.toString()).isZero();
            assertThat(status.stdout()).containsPattern("node-a\\s+host-a\\s+101\\s+live")
                    .containsPattern("node-b\\s+host-b\\s+202\\s+live")
                    .containsPattern("sales\\s+node-a\\s+2\\s+held, 4m 5\\ds left\\s+\\d+\\.\\ds ago")
                    .containsPattern("support\\s+-\\s+0\\s+free\\s+never");

            Launch.Result json = cluster("status", "--json");
            assertThat(json.exit()).as(json.toString()).isZero();
            var parsed = ConfigFactory.parseString(json.stdout());
            assertThat(parsed.getConfigList("accounts")).anySatisfy(acct -> {
                assertThat(acct.getString("account")).isEqualTo("sales");
                assertThat(acct.getString("owner")).isEqualTo("node-a");
                assertThat(acct.getLong("epoch")).isEqualTo(2);
            });

            Launch.Result toNowhere = cluster("move", "sales", "node-z");
            assertThat(toNowhere.exit()).isEqualTo(1);
            assertThat(toNowhere.stderr()).contains("node 'node-z' is not a live node");

            Launch.Result move = cluster("move", "sales", "node-b");
            assertThat(move.exit()).as(move.toString()).isZero();
            assertThat(storeA.renew(sales, Duration.ofMinutes(5)).moveTo()).isEqualTo("node-b");
            assertThat(cluster("status").stdout()).contains("(moving to node-b)");
        }
    }

    @Test
    void without_a_cluster_url_the_command_names_the_key() {
        Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "cluster", "status").env("JAVA_HOME", JAVA_HOME).run();
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.stderr()).contains("blacksky.cluster.url");
    }

    @Test
    void run_with_a_cluster_url_that_is_not_postgresql_stops_naming_the_key() {
        Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "run", "--console").env("JAVA_HOME", JAVA_HOME)
                .env("CONFIG_FORCE_blacksky_cluster_url", "mysql://db/blacksky").stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("blacksky.cluster.url").contains("PostgreSQL JDBC URL");
    }

    @Test
    void run_stops_with_the_url_when_the_cluster_database_cannot_be_reached() {
        Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "run", "--console").env("JAVA_HOME", JAVA_HOME)
                .env("CONFIG_FORCE_blacksky_cluster_url", "jdbc:postgresql://127.0.0.1:1/blacksky")
                .env("CONFIG_FORCE_blacksky_cluster_statement__timeout", "1s").stdin("!ping\n").run();
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("jdbc:postgresql://127.0.0.1:1/blacksky");
        assertThat(result.stdout()).doesNotContain("pong");
    }

    @Test
    void an_unreachable_database_is_reported_with_the_url_and_what_to_check() {
        Launch.Result result = Launch.of(DIST.resolve("bin/blacksky"), "cluster", "status").env("JAVA_HOME", JAVA_HOME)
                .env("CONFIG_FORCE_blacksky_cluster_url", "jdbc:postgresql://127.0.0.1:1/blacksky")
                .env("CONFIG_FORCE_blacksky_cluster_statement__timeout", "1s").run();
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stderr()).contains("jdbc:postgresql://127.0.0.1:1/blacksky").contains("Check that PostgreSQL runs");
    }
}
