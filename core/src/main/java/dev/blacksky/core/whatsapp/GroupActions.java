package dev.blacksky.core.whatsapp;

import dev.blacksky.api.group.GroupException;
import dev.blacksky.core.transport.GroupChange;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.model.chat.ChatSettingPolicy;
import it.auties.whatsapp.model.chat.GroupSetting;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Group changes and message keys mapped onto Cobalt 0.0.10, with its silent no-ops turned into clear failures. */
final class GroupActions {

    private GroupActions() {
    }

    static CompletableFuture<Void> change(Whatsapp whatsapp, Jid group, GroupChange change) {
        return switch (change) {
            case GroupChange.Add a -> members(whatsapp.addGroupParticipants(group, OutgoingMessages.jid(a.user())), a);
            case GroupChange.Remove r -> members(whatsapp.removeGroupParticipants(group, OutgoingMessages.jid(r.user())), r);
            case GroupChange.Promote p -> members(whatsapp.promoteGroupParticipants(group, OutgoingMessages.jid(p.user())), p);
            case GroupChange.Demote d -> members(whatsapp.demoteGroupParticipants(group, OutgoingMessages.jid(d.user())), d);
            case GroupChange.Subject s -> whatsapp.changeGroupSubject(group, s.subject());
            case GroupChange.Description d -> whatsapp.changeGroupDescription(group, d.description().isEmpty() ? null : d.description());
            case GroupChange.AnnouncementOnly a -> whatsapp.changeGroupSetting(group, GroupSetting.SEND_MESSAGES,
                    a.on() ? ChatSettingPolicy.ADMINS : ChatSettingPolicy.ANYONE);
        };
    }

    // Cobalt first filters the targets against the member list it knows and, when none is left, completes with
    // null without asking WhatsApp; it lists the members WhatsApp accepted.
    private static CompletableFuture<Void> members(CompletableFuture<List<Jid>> done, GroupChange change) {
        return done.thenApply(accepted -> {
            if (accepted == null || accepted.isEmpty()) {
                throw new GroupException("WhatsApp did not " + change.describe() + ": check that the number is right"
                        + " and " + (change instanceof GroupChange.Add ? "not a member yet" : "a member of the group"));
            }
            return null;
        });
    }

    /** A message received earlier, keyed as WhatsApp gave it: what a deletion by an admin names. */
    static ChatMessageInfo received(ReactionTargets.Target target) {
        var key = new ChatMessageKeyBuilder().chatJid(target.chat()).senderJid(target.sender()).fromMe(false)
                .id(target.id()).build();
        return new ChatMessageInfoBuilder().key(key).senderJid(target.sender()).message(MessageContainer.empty())
                .timestampSeconds(Instant.now().getEpochSecond()).build();
    }

    /** One of the bot's own messages, by the id it went out under; its content as a text, for an edit. */
    static ChatMessageInfo sent(Whatsapp whatsapp, Jid chat, String id, String text) {
        Jid self = whatsapp.store().jid().map(Jid::toSimpleJid).orElse(null);
        var key = new ChatMessageKeyBuilder().chatJid(chat).senderJid(self).fromMe(true).id(id).build();
        return new ChatMessageInfoBuilder().key(key).senderJid(self).message(MessageContainer.of(text))
                .timestampSeconds(Instant.now().getEpochSecond()).build();
    }
}
