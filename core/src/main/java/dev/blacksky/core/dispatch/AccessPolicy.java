package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import java.util.HashSet;
import java.util.Set;

/** Decides who is an owner and who may run what where; shared by dispatch and help so they never disagree. */
public final class AccessPolicy {

    private final Set<UserId> owners;

    public AccessPolicy(Set<UserId> configuredOwners, Set<UserId> implicitOwners) {
        Set<UserId> all = new HashSet<>(configuredOwners);
        all.addAll(implicitOwners);
        this.owners = Set.copyOf(all);
    }

    public boolean isOwner(UserId user) {
        return owners.contains(user);
    }

    public boolean mayRun(CommandSpec spec, Inbound inbound) {
        return allowedBy(spec.access(), inbound) && inScope(spec.scope(), inbound.message().chat().type());
    }

    boolean allowedBy(Access access, Inbound inbound) {
        if (isOwner(inbound.message().sender().id())) {
            return true;
        }
        return switch (access) {
            case EVERYONE -> true;
            case GROUP_ADMINS -> inbound.message().chat().isGroup() && inbound.senderIsGroupAdmin();
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
