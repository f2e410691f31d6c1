package dev.blacksky.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuardedCallTest {

    @Test
    void a_timeout_of_centuries_saturates_instead_of_throwing_after_the_gate_admitted_the_call() {
        assertThat(GuardedCall.nanos(Duration.ofSeconds(10))).isEqualTo(10_000_000_000L);
        assertThat(GuardedCall.nanos(Duration.ofDays(365L * 300))).isEqualTo(Long.MAX_VALUE / 2);
        long now = System.nanoTime();
        long deadline = now + GuardedCall.nanos(Duration.ofDays(365L * 300));
        assertThat(now - deadline).as("the deadline still lies ahead in nanoTime arithmetic").isNegative();
    }
}
