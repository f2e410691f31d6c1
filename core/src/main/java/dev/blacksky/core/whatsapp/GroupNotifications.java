package dev.blacksky.core.whatsapp;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.UserId;
import it.auties.whatsapp.model.node.Node;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Group joins and leaves, read from {@code <notification type="w:gp2">} stanzas: Cobalt 0.0.10 has no listener
 * for membership changes. {@code add} is a join (added or by invite link); {@code remove} and {@code leave} a leave.
 */
final class GroupNotifications {

    private final Clock clock;

    GroupNotifications(Clock clock) {
        this.clock = clock;
    }

    /** The events in this stanza; none for any other stanza. */
    List<BotEvent> read(Node node, LidDirectory lids) {
        if (!node.hasDescription("notification") || !"w:gp2".equals(node.attributes().getString("type", null))) {
            return List.of();
        }
        String from = node.attributes().getString("from", "");
        if (!from.endsWith("@g.us")) {
            return List.of();
        }
        Chat group = new Chat(ChatId.of(from), ChatType.GROUP, from.substring(0, from.indexOf('@')));
        Instant at = node.attributes().getOptionalLong("t").stream().mapToObj(Instant::ofEpochSecond).findFirst()
                .orElseGet(clock::instant);
        List<BotEvent> events = new ArrayList<>();
        for (Node change : node.children()) {
            boolean joined = change.hasDescription("add");
            if (!joined && !change.hasDescription("remove") && !change.hasDescription("leave")) {
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
                events.add(joined ? new MemberJoinedEvent(group, user, at) : new MemberLeftEvent(group, user, at));
            }
        }
        return events;
    }
}
