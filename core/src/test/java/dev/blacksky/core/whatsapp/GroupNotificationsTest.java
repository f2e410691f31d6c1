package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.GroupSubjectChangedEvent;
import dev.blacksky.api.event.MemberDemotedEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.event.MemberPromotedEvent;
import dev.blacksky.api.message.UserId;
import it.auties.whatsapp.model.node.Node;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupNotificationsTest {

    private final GroupNotifications notifications = new GroupNotifications(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final LidDirectory lids = new LidDirectory(10);

    private static Node gp2(Node change) {
        return Node.of("notification", Map.of("from", "120363000000000001@g.us", "type", "w:gp2", "t", "1790000000"), change);
    }

    @Test
    void added_members_join_and_removed_or_leaving_members_leave() {
        var joined = notifications.read(gp2(Node.of("add", Node.of("participant", Map.of("jid", "15550001111@s.whatsapp.net"),
                (Object) null))), lids, group -> "Team");
        assertThat(joined).singleElement().isInstanceOfSatisfying(MemberJoinedEvent.class, e -> {
            assertThat(e.user()).isEqualTo(UserId.of("15550001111"));
            assertThat(e.group().id().value()).isEqualTo("120363000000000001@g.us");
            assertThat(e.at()).isEqualTo(Instant.ofEpochSecond(1_790_000_000L));
        });
        assertThat(notifications.read(gp2(Node.of("leave", Node.of("participant",
                Map.of("jid", "98765432101234@lid", "phone_number", "15550002222@s.whatsapp.net"), (Object) null))), lids, group -> "Team"))
                .singleElement().isInstanceOfSatisfying(MemberLeftEvent.class,
                        e -> assertThat(e.user()).as("the number the server attached").isEqualTo(UserId.of("15550002222")));
        assertThat(notifications.read(gp2(Node.of("remove", Node.of("participant", Map.of("jid", "11112222333344@lid"),
                (Object) null))), lids, group -> "Team")).singleElement().isInstanceOfSatisfying(MemberLeftEvent.class,
                        e -> assertThat(e.user()).isEqualTo(UserId.of("11112222333344@lid")));
    }

    @Test
    void promotions_demotions_and_a_new_subject_are_events_of_their_own() {
        assertThat(notifications.read(gp2(Node.of("promote", Node.of("participant", Map.of("jid", "15550001111@s.whatsapp.net"),
                (Object) null))), lids, group -> "Team")).singleElement().isInstanceOfSatisfying(MemberPromotedEvent.class, e -> {
                    assertThat(e.user()).isEqualTo(UserId.of("15550001111"));
                    assertThat(e.group().name()).as("the group's subject, not its number").isEqualTo("Team");
                });
        assertThat(notifications.read(gp2(Node.of("demote", Node.of("participant", Map.of("jid", "15550001111@s.whatsapp.net"),
                (Object) null))), lids, group -> "Team")).singleElement().isInstanceOf(MemberDemotedEvent.class);
        assertThat(notifications.read(gp2(Node.of("subject", Map.of("subject", "Night shift", "s_t", "1790000000"))), lids,
                group -> "Team")).singleElement().isInstanceOfSatisfying(GroupSubjectChangedEvent.class, e -> {
                    assertThat(e.subject()).isEqualTo("Night shift");
                    assertThat(e.group().name()).isEqualTo("Night shift");
                });
    }

    @Test
    void other_notifications_are_not_group_changes() {
        assertThat(notifications.read(Node.of("notification", Map.of("from", "15550001111@s.whatsapp.net", "type", "devices"),
                (Object) null), lids, group -> "Team")).isEmpty();
    }
}
