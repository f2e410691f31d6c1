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

    @Test
    void the_last_flush_waits_for_a_timer_flush_in_progress_instead_of_writing_beside_it() throws Exception {
        SessionFlusher flusher = new SessionFlusher(time, Duration.ofSeconds(15));
        java.util.List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        flusher.register(() -> {
            int n = flushes.incrementAndGet();
            events.add("start " + n);
            if (n == 1) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.add("end " + n);
        });
        flusher.start();
        Thread timer = Thread.ofPlatform().start(() -> time.advance(Duration.ofSeconds(15))); // the timer's flush, slow
        entered.await();
        Thread closer = Thread.ofPlatform().start(flusher::close);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> closer.getState() == Thread.State.WAITING || !closer.isAlive());
        release.countDown();
        timer.join();
        closer.join();
        assertThat(events).containsExactly("start 1", "end 1", "start 2", "end 2");
    }
}
