package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import it.auties.whatsapp.model.chat.Chat;
import it.auties.whatsapp.model.chat.ChatBuilder;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.util.ConcurrentLinkedSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static Chat chatWith(String jid, long... ageSeconds) {
        Chat chat = new ChatBuilder().jid(Jid.of(jid)).historySyncMessages(new ConcurrentLinkedSet<>()).build();
        int n = 0;
        for (long age : ageSeconds) {
            var key = new ChatMessageKeyBuilder().chatJid(Jid.of(jid)).senderJid(Jid.of(jid)).fromMe(false)
                    .id("M" + n++).build();
            chat.addNewMessage(new ChatMessageInfoBuilder().key(key).senderJid(Jid.of(jid))
                    .message(MessageContainer.of("hi")).timestampSeconds(NOW.getEpochSecond() - age).build());
        }
        return chat;
    }

    @Test
    void messages_older_than_the_retention_leave_cobalts_store_and_recent_ones_stay() {
        Chat busy = chatWith("120363000000000001@g.us", 7200, 3601, 3599, 10);
        Chat quiet = chatWith("15550001111@s.whatsapp.net", 60);
        Chat empty = chatWith("15550002222@s.whatsapp.net");

        int removed = new MessageRetention(Duration.ofHours(1)).prune(List.of(busy, quiet, empty), NOW);

        assertThat(removed).isEqualTo(2);
        assertThat(busy.messages()).hasSize(2);
        assertThat(busy.messages()).allSatisfy(m -> assertThat(NOW.getEpochSecond() - m.messageInfo().timestampSeconds().orElseThrow())
                .isLessThan(3600));
        assertThat(quiet.messages()).hasSize(1);
    }

    @Test
    void a_long_backlog_goes_in_one_round_and_the_recent_messages_stay_in_order() {
        long[] ages = new long[5_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 10_000 - i * 2L; // from 10,000 s old to 2 s old
        }
        Chat chat = chatWith("120363000000000001@g.us", ages);

        int removed = new MessageRetention(Duration.ofHours(1)).prune(List.of(chat), NOW);

        assertThat(removed).isEqualTo(3_200); // ages above 3,600 s
        assertThat(chat.messages()).hasSize(1_800);
        assertThat(chat.messages()).extracting(m -> m.messageInfo().id()).startsWith("M3200").endsWith("M4999");
    }
}
