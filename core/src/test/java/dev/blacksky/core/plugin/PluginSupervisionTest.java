package dev.blacksky.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.blacksky.core.dispatch.PluginGate;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class PluginSupervisionTest {

    private static PluginSupervision gate(String settings) {
        PluginHostSettings parsed = PluginHostSettings.from(ConfigFactory.parseString(settings)
                .withFallback(ConfigFactory.defaultReference()).resolve());
        return new PluginSupervision("demo", null, parsed, Clock.systemUTC(), reason -> { });
    }

    @Test
    void a_call_waiting_for_a_slot_when_its_version_is_retired_is_not_admitted_into_it() throws Exception {
        PluginSupervision gate = gate("blacksky.plugin-host.bulkhead { max-concurrent-calls = 1, max-queue-wait = 1m }");
        assertThat(gate.admit()).isEqualTo(PluginGate.Admission.ADMITTED);
        CompletableFuture<PluginGate.Admission> waiter = CompletableFuture.supplyAsync(gate::admit);
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> gate.inFlight() == 1 && !waiter.isDone()
                && gate.hasWaiters());
        gate.retire(); // a reload: the waiter must go to the new version, not into this stopped one
        gate.free();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(PluginGate.Admission.RETIRED);
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void a_slot_comes_back_when_the_calls_thread_is_done_not_when_its_deadline_passed() {
        PluginSupervision gate = gate("blacksky.plugin-host.bulkhead { max-concurrent-calls = 1, max-queue-wait = 0s }");
        assertThat(gate.admit()).isEqualTo(PluginGate.Admission.ADMITTED);
        gate.record(PluginGate.Outcome.TIMEOUT); // abandoned at its deadline, but its thread still runs plugin code
        assertThat(gate.admit()).isInstanceOf(PluginGate.Refused.class);
        gate.free();
        assertThat(gate.admit()).isEqualTo(PluginGate.Admission.ADMITTED);
    }

    @Test
    void draining_waits_for_the_calls_in_progress_and_gives_up_at_the_deadline() {
        PluginSupervision gate = gate("blacksky.plugin-host.bulkhead.max-concurrent-calls = 2");
        assertThat(gate.awaitIdle(System.nanoTime())).isTrue();
        assertThat(gate.admit()).isEqualTo(PluginGate.Admission.ADMITTED);
        assertThat(gate.awaitIdle(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50))).isFalse();
        CompletableFuture.runAsync(gate::free, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        assertThat(gate.awaitIdle(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isTrue();
    }
}
