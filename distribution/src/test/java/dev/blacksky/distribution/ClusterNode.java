package dev.blacksky.distribution;

import dev.blacksky.core.cluster.LeaseRow;
import dev.blacksky.core.cluster.LeaseStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/** A packaged node of a test cluster: {@code bin/blacksky run} in its own folder, its output appended there. */
final class ClusterNode {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();

    private ClusterNode() {
    }

    /** Starts node {@code id} in {@code dir} (data/, logs/, run.out, run.err), the fence margin 1 s. */
    static Process start(Path dir, String id, String transport, String url, Duration ttl, Duration renew)
            throws IOException {
        return start(dir, id, transport, url, ttl, renew, "");
    }

    /** {@link #start}, with more configuration lines. */
    static Process start(Path dir, String id, String transport, String url, Duration ttl, Duration renew, String more)
            throws IOException {
        Files.createDirectories(dir);
        Path conf = Files.writeString(dir.resolve("node.conf"), config(id, transport, url, ttl, renew, more));
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/blacksky").toString(), "run", "--config",
                conf.toString(), "--data", dir.resolve("data").toString());
        builder.environment().put("CONFIG_FORCE_blacksky_http_port", "0"); // tests run beside a user's bot
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("BLACKSKY_LOGS", dir.resolve("logs").toString());
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("run.out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("run.err").toFile()));
        return builder.start();
    }

    /** A node's configuration: the transport, and the cluster with a fence margin of 1 s. */
    static String config(String id, String transport, String url, Duration ttl, Duration renew, String more) {
        return """
                blacksky.transport = %s
                blacksky.cluster { url = "%s", node-id = "%s", lease-ttl = %dms, renew-every = %dms, fence-margin = 1s }
                %s
                """.formatted(transport, url, id, ttl.toMillis(), renew.toMillis(), more);
    }

    static void signal(Process p, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
    }

    /** The lease of the account "default", as the database has it now; null before any node registered it. */
    static LeaseRow lease(LeaseStore observer) throws SQLException {
        return observer.leases().stream().filter(r -> r.account().equals("default")).findFirst().orElse(null);
    }

    /** What the node's status.json says now, or "" before it exists. */
    static String status(Path dir) throws IOException {
        Path file = dir.resolve("data/accounts/default/status.json");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
