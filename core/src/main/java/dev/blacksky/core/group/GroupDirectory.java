package dev.blacksky.core.group;

import dev.blacksky.api.group.GroupException;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.Groups;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.GroupChange;
import dev.blacksky.core.transport.Transport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The host's {@link Groups}: reads through the transport (which caches), and refuses changes the bot may not make. */
@Singleton
public final class GroupDirectory implements Groups {

    private final Transport transport;

    @Inject
    public GroupDirectory(Transport transport) {
        this.transport = transport;
    }

    @Override
    public Optional<UserId> bot() {
        return transport.self();
    }

    @Override
    public CompletionStage<GroupInfo> info(ChatId group) {
        return guarded(() -> transport.groupInfo(group));
    }

    @Override
    public CompletionStage<Void> add(ChatId group, UserId user) {
        return change(group, new GroupChange.Add(user));
    }

    @Override
    public CompletionStage<Void> remove(ChatId group, UserId user) {
        return change(group, new GroupChange.Remove(user));
    }

    @Override
    public CompletionStage<Void> promote(ChatId group, UserId user) {
        return change(group, new GroupChange.Promote(user));
    }

    @Override
    public CompletionStage<Void> demote(ChatId group, UserId user) {
        return change(group, new GroupChange.Demote(user));
    }

    @Override
    public CompletionStage<Void> setSubject(ChatId group, String subject) {
        return change(group, new GroupChange.Subject(subject));
    }

    @Override
    public CompletionStage<Void> setDescription(ChatId group, String description) {
        return change(group, new GroupChange.Description(description));
    }

    @Override
    public CompletionStage<Void> setAnnouncementOnly(ChatId group, boolean on) {
        return change(group, new GroupChange.AnnouncementOnly(on));
    }

    @Override
    public CompletionStage<String> inviteLink(ChatId group) {
        return asAdmin(group, "share the invite link", info -> transport.inviteLink(group));
    }

    private CompletionStage<Void> change(ChatId group, GroupChange change) {
        return asAdmin(group, change.describe(), info -> transport.changeGroup(group, change));
    }

    // WhatsApp would refuse too, but later and in its own words: the check gives the user a reason at once.
    private <T> CompletionStage<T> asAdmin(ChatId group, String what, Function<GroupInfo, CompletionStage<T>> action) {
        return info(group).thenCompose(info -> {
            Optional<UserId> self = transport.self();
            if (self.isPresent() && !info.isAdmin(self.get())) {
                throw new GroupException("I cannot " + what + ": I am not an admin of " + info.subject()
                        + ". Make me an admin of the group first.");
            }
            return action.apply(info);
        });
    }

    private static <T> CompletionStage<T> guarded(java.util.function.Supplier<CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
