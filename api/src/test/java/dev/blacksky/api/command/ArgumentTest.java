package dev.blacksky.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArgumentTest {

    private static final Argument<Duration> IN = Argument.duration("in", "when");
    private static final Argument<Long> N = Argument.integer("n", "how many");

    @Test
    void durations_are_longer_than_zero_and_never_overflow_into_a_crash() {
        assertThat(IN.parse("1h30m", null)).isEqualTo(Duration.ofMinutes(90));
        assertThat(IN.parse("PT15M", null)).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> IN.parse("PT-5M", null)).isInstanceOf(ArgumentException.class)
                .hasMessage("'PT-5M' is not a duration longer than zero");
        assertThatThrownBy(() -> IN.parse("0s", null)).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> IN.parse("99999999999999999999d", null)).isInstanceOf(ArgumentException.class)
                .hasMessage("'99999999999999999999d' is too long a duration");
        assertThatThrownBy(() -> IN.parse("PT99999999999999999999H", null)).isInstanceOf(ArgumentException.class);
    }

    @Test
    void a_number_too_large_is_told_apart_from_one_that_is_not_a_number() {
        assertThat(N.parse("-7", null)).isEqualTo(-7L);
        assertThatThrownBy(() -> N.parse("99999999999999999999", null)).hasMessage("'99999999999999999999' is too large a number");
        assertThatThrownBy(() -> N.parse("seven", null)).hasMessage("'seven' is not a whole number");
    }
}
