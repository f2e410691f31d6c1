package dev.blacksky.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PluginCallsTest {

    private static final PluginCalls.Call CALL = new PluginCalls.Call("demo", null, null, "command !demo of plugin 'demo'");

    @Test
    void timeouts_of_centuries_saturate_instead_of_overflowing() {
        assertThat(PluginCalls.nanos(Duration.ofSeconds(10))).isEqualTo(10_000_000_000L);
        assertThat(PluginCalls.nanos(Duration.ofDays(365L * 300))).isEqualTo(Long.MAX_VALUE / 2);
        long now = System.nanoTime();
        assertThat(now + PluginCalls.nanos(Duration.ofDays(365L * 300)) - now).as("no overflow").isPositive();
    }

    @Test
    void a_call_that_ignores_its_deadline_is_abandoned_and_its_thread_replaced_in_the_pool() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (PluginCalls calls = new PluginCalls(1)) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            calls.steps().execute(() -> {
                PluginCalls.Guarded call = calls.guard(CALL, PluginGate.HOST, Duration.ofSeconds(1), Duration.ofMillis(100), () -> { });
                call.outcome().thenAccept(outcome::complete);
                call.run(() -> {
                    while (true) { // ignores the interrupt, as a stuck plugin does
                        try {
                            release.await();
                            return null;
                        } catch (InterruptedException ignored) {
                            // keep waiting
                        }
                    }
                });
            });
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isSameAs(PluginCalls.TIMED_OUT);
            assertThat(calls.abandonedAlive()).isEqualTo(1);
            CompletableFuture<String> next = new CompletableFuture<>();
            calls.steps().execute(() -> next.complete(Thread.currentThread().getName()));
            assertThat(next.get(10, TimeUnit.SECONDS)).as("the one-thread pool still runs work").isNotNull();
            release.countDown();
            org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> calls.abandonedAlive() == 0);
        } finally {
            release.countDown();
        }
    }

    @Test
    void what_a_plugin_chains_to_a_pending_send_runs_on_a_pool_thread_not_on_the_thread_that_completes_it()
            throws Exception {
        try (PluginCalls calls = new PluginCalls(2)) {
            CompletableFuture<String> send = new CompletableFuture<>();
            CompletableFuture<String> ranOn = new CompletableFuture<>();
            calls.forPlugin(send).thenRun(() -> ranOn.complete(Thread.currentThread().getName()));
            send.complete("id"); // on the test's thread, as a transport's ack thread would
            assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("blacksky-dispatch-");
        }
    }
}
