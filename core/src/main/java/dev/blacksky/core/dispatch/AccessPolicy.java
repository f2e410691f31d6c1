package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.UserId;
import java.util.HashSet;
import java.util.Set;

/** Who is an owner, who is banned, and who may run what where; shared by dispatch and help so they agree. */
public final class AccessPolicy {

    private final Set<UserId> owners;
    private final Set<UserId> bannedUsers;
    private final Set<ChatId> bannedChats;

    public AccessPolicy(Set<UserId> configuredOwners, Set<UserId> implicitOwners, Set<UserId> bannedUsers,
                        Set<ChatId> bannedChats) {
        Set<UserId> all = new HashSet<>(configuredOwners);
        all.addAll(implicitOwners);
        this.owners = Set.copyOf(all);
        this.bannedUsers = Set.copyOf(bannedUsers);
        this.bannedChats = Set.copyOf(bannedChats);
    }

    /** Everyone who counts as an owner: configured, plus the transport's own (the console user). */
    public java.util.Set<UserId> owners() {
        return owners;
    }

    public boolean isOwner(UserId user) {
        return owners.contains(user);
    }

    /** Banned users and chats are dropped before anything else; an owner is never banned. */
    public boolean isBanned(UserId user, ChatId chat) {
        return (bannedUsers.contains(user) || bannedChats.contains(chat)) && !owners.contains(user);
    }

    public static boolean mayRun(CommandSpec spec, boolean owner, boolean groupAdmin, ChatType chatType) {
        return allowedBy(spec.access(), owner, groupAdmin, chatType) && inScope(spec.scope(), chatType);
    }

    static boolean allowedBy(Access access, boolean owner, boolean groupAdmin, ChatType chatType) {
        if (owner) {
            return true;
        }
        return switch (access) {
            case EVERYONE -> true;
            case GROUP_ADMINS -> chatType == ChatType.GROUP && groupAdmin;
            case OWNERS -> false;
        };
    }

    static boolean inScope(ChatScope scope, ChatType type) {
        return switch (scope) {
            case ANY -> true;
            case GROUP -> type == ChatType.GROUP;
            case PRIVATE -> type == ChatType.PRIVATE;
        };
    }
}
