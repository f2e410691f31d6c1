package dev.blacksky.core.session;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** Who holds (or last held) an account lock, as written into {@code session.lock} for diagnostics. */
public record LockOwner(long pid, String host, Instant started) {

    static LockOwner current(Instant now) {
        return new LockOwner(ProcessHandle.current().pid(), thisHost(), now);
    }

    String format() {
        return "pid=" + pid + "\nhost=" + host + "\nstarted=" + started + "\n";
    }

    /** Parses what {@link #format()} wrote; empty for a blank or foreign file. */
    static Optional<LockOwner> parse(String text) {
        try {
            Properties p = new Properties();
            p.load(new java.io.StringReader(text));
            return Optional.of(new LockOwner(Long.parseLong(p.getProperty("pid")), p.getProperty("host", "?"),
                    Instant.parse(p.getProperty("started"))));
        } catch (RuntimeException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + host + " (started " + started + ")";
    }

    /** This machine's name, as lock files and the cluster's node list show it (a name lookup: call it once). */
    public static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
    }
}
