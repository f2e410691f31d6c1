package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessTest {

    private final Liveness liveness = new Liveness(SupervisorRig.defaults());
    private final Instant last = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void quiet_under_45_s_is_healthy_and_looks_again_when_a_probe_would_be_due() {
        assertThat(liveness.judge(last, last.plusSeconds(30)))
                .isEqualTo(new Liveness.Verdict.Healthy(Duration.ofSeconds(15)));
    }

    @Test
    void from_45_s_it_probes_and_looks_again_when_the_link_would_be_dead() {
        assertThat(liveness.judge(last, last.plusSeconds(45)))
                .isEqualTo(new Liveness.Verdict.Probe(Duration.ofSeconds(45), Duration.ofSeconds(45)));
    }

    @Test
    void from_90_s_the_link_is_dead() {
        assertThat(liveness.judge(last, last.plusSeconds(90))).isEqualTo(new Liveness.Verdict.Dead(Duration.ofSeconds(90)));
    }
}
