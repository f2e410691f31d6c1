package dev.blacksky.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventAdapterTest {

    static final class Welcome extends EventAdapter {
        @Override
        public void onMemberJoined(MemberJoinedEvent event) {
        }
    }

    static final class Everything implements EventListener {
        @Override
        public void onEvent(BotEvent event) {
        }
    }

    @Test
    void an_adapter_wants_only_the_events_it_overrides_a_plain_listener_all() {
        assertThat(new Welcome().events()).containsExactly(MemberJoinedEvent.class);
        assertThat(new EventAdapter() { }.events()).isEmpty();
        assertThat(new Everything().events()).containsExactly(BotEvent.class);
    }
}
