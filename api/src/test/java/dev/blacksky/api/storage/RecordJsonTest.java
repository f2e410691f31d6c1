package dev.blacksky.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.message.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    enum State { OPEN, CLOSED }

    record Option(String text, long votes) {}

    record Poll(String question, List<Option> options, State state, Instant opened, Duration openFor,
                Optional<UserId> closedBy, List<UserId> voters, boolean anonymous, int round) {}

    @Test
    void a_record_with_lists_nested_records_enums_times_and_optionals_comes_back_equal() {
        Poll poll = new Poll("Lunch? \"now\"", List.of(new Option("pizza", 2), new Option("sushi", 0)), State.OPEN,
                Instant.parse("2026-12-04T12:00:00Z"), Duration.ofMinutes(10), Optional.empty(),
                List.of(UserId.of("391234567890")), true, 3);
        assertThat(RecordJson.read(RecordJson.write(poll), Poll.class)).isEqualTo(poll);
        Poll closed = new Poll(poll.question(), poll.options(), State.CLOSED, poll.opened(), poll.openFor(),
                Optional.of(UserId.of("alice")), List.of(), false, 4);
        assertThat(RecordJson.read(RecordJson.write(closed), Poll.class)).isEqualTo(closed);
    }

    record Unstorable(Map<String, String> map) {}

    @Test
    void a_type_it_cannot_store_is_refused_with_the_reason() {
        assertThatThrownBy(() -> RecordJson.write(new Unstorable(Map.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not java.util");
    }
}
