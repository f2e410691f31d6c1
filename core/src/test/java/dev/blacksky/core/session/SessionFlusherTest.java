package dev.blacksky.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.core.schedule.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionFlusherTest {

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void live_sessions_are_flushed_every_period_and_once_more_at_shutdown() {
        SessionFlusher flusher = new SessionFlusher(time, Duration.ofSeconds(15));
        AtomicInteger flushes = new AtomicInteger();
        flusher.register(flushes::incrementAndGet);
        flusher.start();
        time.advance(Duration.ofSeconds(14));
        assertThat(flushes).hasValue(0);
        time.advance(Duration.ofSeconds(31));
        assertThat(flushes).hasValue(3);
        flusher.close();
        assertThat(flushes).hasValue(4);
        time.advance(Duration.ofMinutes(5));
        assertThat(flushes).hasValue(4);
    }

    @Test
    void a_failing_flush_does_not_stop_the_others_or_the_timer() {
        SessionFlusher flusher = new SessionFlusher(time, Duration.ofSeconds(15));
        AtomicInteger good = new AtomicInteger();
        flusher.register(() -> {
            throw new IllegalStateException("disk gone");
        });
        Runnable unregister = flusher.register(good::incrementAndGet);
        flusher.start();
        time.advance(Duration.ofSeconds(30));
        assertThat(good).hasValue(2);
        unregister.run();
        time.advance(Duration.ofSeconds(30));
        assertThat(good).hasValue(2);
        flusher.close();
    }
}
