package dev.blacksky.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentMessagesTest {

    private static Message message(String chat, String sender, String id) {
        return Message.text(id, new Chat(ChatId.of(chat), ChatType.PRIVATE, chat), new User(UserId.of(sender), sender),
                "hi", Instant.EPOCH);
    }

    @Test
    void a_key_is_new_once_and_sender_chat_and_id_all_count() {
        RecentMessages recent = new RecentMessages(100);
        assertThat(recent.firstTime(message("c", "u", "1"))).isTrue();
        assertThat(recent.firstTime(message("c", "u", "1"))).isFalse();
        assertThat(recent.firstTime(message("c", "v", "1"))).isTrue();
        assertThat(recent.firstTime(message("d", "u", "1"))).isTrue();
        assertThat(recent.firstTime(message("c", "u", "2"))).isTrue();
    }

    @Test
    void it_answers_exactly_as_a_bounded_fifo_of_the_newest_keys() {
        RecentMessages recent = new RecentMessages(64);
        LinkedHashSet<String> model = new LinkedHashSet<>(); // the oracle: a FIFO set of the newest keys
        Random random = new Random(42);
        int duplicates = 0;
        for (int n = 0; n < 200_000; n++) {
            Message message = message("chat" + random.nextInt(3), "user", Integer.toString(random.nextInt(100)));
            String key = message.chat().id().value() + "/" + message.id();
            boolean expected = !model.contains(key);
            assertThat(recent.firstTime(message)).as("message %d: %s", n, key).isEqualTo(expected);
            if (expected) {
                model.add(key);
                if (model.size() > 64) {
                    model.remove(model.iterator().next());
                }
            } else {
                duplicates++;
            }
        }
        assertThat(duplicates).isGreaterThan(1_000);
    }

    @Test
    void keys_beyond_the_capacity_are_forgotten_oldest_first() {
        RecentMessages recent = new RecentMessages(16);
        for (int i = 0; i < 10_000; i++) {
            assertThat(recent.firstTime(message("c", "u", "m" + i))).isTrue();
        }
        assertThat(recent.firstTime(message("c", "u", "m0"))).as("long evicted").isTrue();
        assertThat(recent.firstTime(message("c", "u", "m0"))).isFalse();
    }
}
