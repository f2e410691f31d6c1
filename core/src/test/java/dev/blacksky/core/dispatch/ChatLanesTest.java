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
            long t = System.nanoTime();
            lanes.check(t); // first sighting
            lanes.check(t + 10 * MS);
            assertThat(lanes.workers()).containsExactly(worker);
            lanes.check(t + 20 * MS);
            assertThat(lanes.workers()).doesNotContain(worker).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_pause_of_the_whole_process_does_not_count_against_the_job_in_progress() {
        CountDownLatch release = new CountDownLatch(1);
        try (ChatLanes lanes = new ChatLanes(() -> { }, 1, Duration.ZERO, Duration.ofMillis(20), false)) {
            DispatchWorker worker = busy(lanes, release);
            long t = System.nanoTime();
            lanes.check(t);
            lanes.check(t + 500 * MS); // the watchdog itself was half a second late: a GC pause, a starved CPU
            assertThat(lanes.workers()).as("the stall counts as one late tick, not 500 ms").containsExactly(worker);
            lanes.check(t + 510 * MS); // still busy on time afterwards: now it really holds its worker
            assertThat(lanes.workers()).doesNotContain(worker);
        } finally {
            release.countDown();
        }
    }
}
