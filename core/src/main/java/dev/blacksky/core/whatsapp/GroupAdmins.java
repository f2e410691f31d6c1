package dev.blacksky.core.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who administers each group, from WhatsApp's group metadata, cached for a while so a busy group costs one
 * query per period. When the query fails the sender is treated as no admin: admin-only commands fail closed.
 */
final class GroupAdmins {

    private static final Logger log = LoggerFactory.getLogger(GroupAdmins.class);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private record Entry(Set<String> admins, Instant fetched) {}

    private final Map<String, Entry> groups = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    GroupAdmins(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Whether {@code user} (an api user id) administers {@code group}; {@code query} fetches the admin ids. */
    boolean isAdmin(String group, String user, Function<String, CompletionStage<Set<String>>> query) {
        Instant now = clock.instant();
        Entry entry = groups.get(group);
        if (entry == null || !now.isBefore(entry.fetched().plus(ttl))) {
            try {
                entry = new Entry(Set.copyOf(query.apply(group).toCompletableFuture()
                        .get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)), now);
                groups.put(group, entry);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("Could not read the admins of group {} ({}); treating the sender as no admin", group, e.toString());
                return entry != null && entry.admins().contains(user); // a stale answer beats none
            }
        }
        return entry.admins().contains(user);
    }
}
