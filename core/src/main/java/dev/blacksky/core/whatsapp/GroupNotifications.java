package dev.blacksky.core.whatsapp;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.GroupSubjectChangedEvent;
import dev.blacksky.api.event.MemberDemotedEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.event.MemberPromotedEvent;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.UserId;
import it.auties.whatsapp.model.node.Node;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group changes, read from {@code <notification type="w:gp2">} stanzas: Cobalt 0.0.10 has no listener for them
 * and drops the members its own stub messages are about. {@code add} is a join (added or by invite link);
 * {@code remove} and {@code leave} a leave; {@code promote}, {@code demote} and {@code subject} as named.
 */
final class GroupNotifications {

    private final Clock clock;

    GroupNotifications(Clock clock) {
        this.clock = clock;
    }

    /** The events in this stanza; none for any other stanza. */
    List<BotEvent> read(Node node, LidDirectory lids, Function<String, String> subjectOf) {
        if (!node.hasDescription("notification") || !"w:gp2".equals(node.attributes().getString("type", null))) {
            return List.of();
        }
        String from = node.attributes().getString("from", "");
        if (!from.endsWith("@g.us")) {
            return List.of();
        }
        Chat group = new Chat(ChatId.of(from), ChatType.GROUP, subjectOf.apply(from));
        Instant at = node.attributes().getOptionalLong("t").stream().mapToObj(Instant::ofEpochSecond).findFirst()
                .orElseGet(clock::instant);
        List<BotEvent> events = new ArrayList<>();
        for (Node change : node.children()) {
            String kind = change.description();
            if (kind.equals("subject")) {
                String subject = change.attributes().getString("subject", "");
                events.add(new GroupSubjectChangedEvent(new Chat(group.id(), ChatType.GROUP, subject), subject, at));
                continue;
            }
            if (!List.of("add", "remove", "leave", "promote", "demote").contains(kind)) {
                continue;
            }
            for (Node participant : change.listChildren("participant")) {
                String jid = participant.attributes().getString("jid", null);
                if (jid == null) {
                    continue;
                }
                String phone = participant.attributes().getString("phone_number", null);
                String resolved = phone != null ? CobaltMessages.normalise(phone) : lids.resolve(CobaltMessages.normalise(jid));
                UserId user = UserId.of(CobaltMessages.userId(resolved));
                events.add(switch (kind) {
                    case "add" -> new MemberJoinedEvent(group, user, at);
                    case "promote" -> new MemberPromotedEvent(group, user, at);
                    case "demote" -> new MemberDemotedEvent(group, user, at);
                    default -> new MemberLeftEvent(group, user, at);
                });
            }
        }
        return events;
    }
}
