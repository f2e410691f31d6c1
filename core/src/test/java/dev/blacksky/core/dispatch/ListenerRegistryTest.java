package dev.blacksky.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.EventAdapter;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MessageReceivedEvent;
import dev.blacksky.core.TestHost;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerRegistryTest {

    @Test
    void a_listener_for_joins_is_not_called_for_every_message() {
        ListenerRegistry registry = new ListenerRegistry();
        registry.register("welcome", List.of(new EventAdapter() {
            @Override
            public void onMemberJoined(MemberJoinedEvent event) {
            }
        }));
        var message = TestHost.groupMessage("team", "alice", false, "hi").message();
        ListenerRegistry.Entry entry = registry.all().getFirst();
        assertThat(entry.wants(new MessageReceivedEvent(message))).isFalse();
        assertThat(entry.wants(new MemberJoinedEvent(message.chat(), message.sender().id(), Instant.EPOCH))).isTrue();
    }
}
