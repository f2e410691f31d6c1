package dev.blacksky.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.blacksky.api.message.ChatId;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatLanesTest {

    private static final long MS = 1_000_000L;

    /** Submits a job that holds its worker until the latch opens; returns that worker once the job runs. */
    private static DispatchWorker busy(ChatLanes lanes, CountDownLatch release) {
        lanes.submit(ChatId.of("slow-chat"), new Lane.Job() {
            @Override
            void run(Lane lane) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        DispatchWorker worker = lanes.workers()[0];
        await().atMost(10, TimeUnit.SECONDS).until(() -> worker.jobStartedNanos != 0);
        return worker;
    }

    @Test
    void a_job_that_keeps_its_worker_past_the_handoff_gets_the_worker_replaced() {
        CountDownLatch release = new CountDownLatch(1);
        try (ChatLanes lanes = new ChatLanes(() -> { }, 1, Duration.ZERO, Duration.ofMillis(20), false)) {
            DispatchWorker worker = busy(lanes, release);
            long t = worker.jobStartedNanos;
            lanes.check(t + MS); // first sighting, 1 ms into the job
            lanes.check(t + 11 * MS);
            assertThat(lanes.workers()).containsExactly(worker);
            lanes.check(t + 20 * MS); // a tick that came a little early still counts in full: 20 ms in all
            assertThat(lanes.workers()).doesNotContain(worker).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_job_first_seen_late_is_credited_with_its_time_so_far() {
        CountDownLatch release = new CountDownLatch(1);
        try (ChatLanes lanes = new ChatLanes(() -> { }, 1, Duration.ZERO, Duration.ofMillis(20), false)) {
            DispatchWorker worker = busy(lanes, release);
            long t = worker.jobStartedNanos;
            lanes.check(t + 9 * MS); // first sighting, 9 ms in (the last tick was before the job started)
            lanes.check(t + 19 * MS);
            assertThat(lanes.workers()).containsExactly(worker);
            lanes.check(t + 21 * MS); // 21 ms in: handed off on this tick, not one later
            assertThat(lanes.workers()).doesNotContain(worker);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_pause_of_the_whole_process_does_not_count_against_the_job_in_progress() {
        CountDownLatch release = new CountDownLatch(1);
        try (ChatLanes lanes = new ChatLanes(() -> { }, 1, Duration.ZERO, Duration.ofMillis(20), false)) {
            DispatchWorker worker = busy(lanes, release);
            long t = worker.jobStartedNanos;
            lanes.check(t + MS);
            lanes.check(t + 500 * MS); // the watchdog itself was half a second late: a GC pause, a starved CPU
            assertThat(lanes.workers()).as("the stall counts as one late tick, not 500 ms").containsExactly(worker);
            lanes.check(t + 510 * MS); // still busy on time afterwards: now it really holds its worker
            assertThat(lanes.workers()).doesNotContain(worker);
        } finally {
            release.countDown();
        }
    }
}
