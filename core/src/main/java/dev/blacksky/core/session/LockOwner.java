package dev.blacksky.core.session;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** Who holds (or last held) an account lock, as written into {@code session.lock} for diagnostics. */
public record LockOwner(long pid, String host, Instant started) {

    static LockOwner current(Instant now) {
        return new LockOwner(ProcessHandle.current().pid(), hostName(), now);
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
    }
}
