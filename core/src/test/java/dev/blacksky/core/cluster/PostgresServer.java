package dev.blacksky.core.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, from the machine's own binaries (Debian's postgresql package, which .ci/run
 * installs): a fresh cluster in a temporary folder on a free port, trust authentication on loopback only. As root
 * it runs as the 'postgres' user, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgres;
    private Process server;

    private PostgresServer(Path bin, Path folder, int port, boolean asPostgres) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    private static PostgresServer shared;

    /**
     * The test run's server, started on first use and stopped when the JVM exits: one per run, since starting one
     * takes about a second. Tests that pause it resume it before they end.
     */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                try {
                    server.close();
                } catch (IOException | InterruptedException e) {
                    // the JVM is exiting; the temporary folder is all that may be left
                }
            }));
            shared = server;
        }
        return shared;
    }

    private int databases;

    /** A new, empty database on this server: each test class gets its own cluster. Returns its JDBC URL. */
    public synchronized String newDatabase() throws IOException, InterruptedException {
        String name = "cluster" + ++databases;
        runAs(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                "blacksky", name));
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** A client for a test's own node on {@code url}, with the defaults of reference.conf otherwise. */
    public static ClusterDatabase node(String url, String id) {
        return ClusterDatabase.open(ClusterSettings.from(com.typesafe.config.ConfigFactory.parseMap(java.util.Map.of(
                "blacksky.cluster.url", url, "blacksky.cluster.node-id", id))
                .withFallback(com.typesafe.config.ConfigFactory.defaultReference())));
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("blacksky-pg-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean root = "root".equals(System.getProperty("user.name"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer pg = new PostgresServer(bin, folder, port, root);
        Path data = folder.resolve("data");
        if (root) {
            run(List.of("chown", "postgres", folder.toString()));
        }
        pg.runAs(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "blacksky", "--auth=trust",
                "--no-sync", "-E", "UTF8", "--locale=C"));
        pg.server = pg.processAs(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-k", folder.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off"))
                .redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile()).start();
        org.awaitility.Awaitility.await("PostgreSQL accepting connections").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!pg.server.isAlive()) {
                        throw new IllegalStateException("PostgreSQL did not start; its log: "
                                + Files.readString(folder.resolve("server.log")));
                    }
                    return pg.runAs(List.of(bin.resolve("pg_isready").toString(), "-h", "127.0.0.1", "-p",
                            String.valueOf(port), "-q"), false) == 0;
                });
        pg.runAs(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                "blacksky", "blacksky"));
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/blacksky";
    }

    /**
     * Freezes the server (SIGSTOP to the postmaster and every backend): connections stay open but nothing answers,
     * as when the network to the database is cut.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        String postmaster = Files.readAllLines(folder.resolve("data/postmaster.pid")).getFirst().strip();
        run(List.of("kill", "-" + signal, postmaster));
        new ProcessBuilder("pkill", "-" + signal, "-P", postmaster).inheritIO().start().waitFor(); // 1 when no backends
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (server != null) {
            resume();
            runAs(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", folder.resolve("data").toString(), "-m", "immediate",
                    "-w"), true);
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path binaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries under /usr/lib/postgresql: install Debian's"
                + " 'postgresql' package (.ci/run does) to run the cluster tests");
    }

    private void runAs(List<String> command) throws IOException, InterruptedException {
        int exit = runAs(command, true);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }

    private int runAs(List<String> command, boolean log) throws IOException, InterruptedException {
        Process p = processAs(command).redirectErrorStream(true)
                .redirectOutput(log ? ProcessBuilder.Redirect.appendTo(folder.resolve("tools.log").toFile())
                        : ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private ProcessBuilder processAs(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return new ProcessBuilder(full).directory(folder.toFile());
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }
}
