package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.schedule.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupAdminsTest {

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));
    private final GroupAdmins admins = new GroupAdmins(Duration.ofMinutes(5), time.clock());
    private final AtomicInteger queries = new AtomicInteger();
    private volatile Set<String> current = Set.of("15550001111");
    private final Function<String, CompletionStage<Set<String>>> query = group -> {
        queries.incrementAndGet();
        return CompletableFuture.completedFuture(current);
    };

    @Test
    void admins_are_queried_once_per_period() {
        assertThat(admins.isAdmin("g1@g.us", "15550001111", query)).isTrue();
        assertThat(admins.isAdmin("g1@g.us", "15550002222", query)).isFalse();
        assertThat(queries).hasValue(1);

        current = Set.of("15550002222"); // promoted and demoted on the phone
        time.advance(Duration.ofMinutes(5));
        assertThat(admins.isAdmin("g1@g.us", "15550002222", query)).isTrue();
        assertThat(queries).hasValue(2);
    }

    @Test
    void a_failed_query_fails_closed_or_falls_back_to_the_last_answer() {
        Function<String, CompletionStage<Set<String>>> failing = group -> CompletableFuture.failedFuture(new IllegalStateException("offline"));
        assertThat(admins.isAdmin("g2@g.us", "15550001111", failing)).isFalse();

        assertThat(admins.isAdmin("g3@g.us", "15550001111", query)).isTrue();
        time.advance(Duration.ofMinutes(6));
        assertThat(admins.isAdmin("g3@g.us", "15550001111", failing)).isTrue();
    }
}
