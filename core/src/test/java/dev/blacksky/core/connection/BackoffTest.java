package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final ConnectionSettings SETTINGS = SupervisorRig.defaults();

    /** A generator that always draws the top of the range, so the bound itself is observable. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void the_bound_doubles_from_one_second_up_to_the_cap() {
        Backoff backoff = new Backoff(SETTINGS, HIGHEST);
        assertThat(backoff.delay(0, Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3, Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(5, Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(6, Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(500, Duration.ZERO, Duration.ZERO)).as("no overflow").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void the_cap_grows_to_300_s_once_the_outage_lasts_10_min() {
        Backoff backoff = new Backoff(SETTINGS, HIGHEST);
        assertThat(backoff.delay(20, Duration.ofMinutes(9).plusSeconds(59), Duration.ZERO)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(20, Duration.ofMinutes(10), Duration.ZERO)).isEqualTo(Duration.ofSeconds(300));
        assertThat(backoff.delay(8, Duration.ofMinutes(10), Duration.ZERO)).as("2^8 s is below the long cap")
                .isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void full_jitter_never_goes_below_the_floor_nor_above_the_bound() {
        Backoff backoff = new Backoff(SETTINGS, new Random(7));
        long belowHalf = 0;
        for (int i = 0; i < 10_000; i++) {
            Duration delay = backoff.delay(6, Duration.ZERO, Duration.ZERO);
            assertThat(delay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
            if (delay.compareTo(Duration.ofSeconds(30)) < 0) {
                belowHalf++;
            }
        }
        assertThat(belowHalf).as("jitter spreads over the whole range").isBetween(4_000L, 6_000L);
    }

    @Test
    void a_cause_may_raise_the_floor() {
        Backoff backoff = new Backoff(SETTINGS, new Random(1));
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.delay(0, Duration.ZERO, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
