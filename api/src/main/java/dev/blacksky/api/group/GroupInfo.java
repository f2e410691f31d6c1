package dev.blacksky.api.group;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a group is: its subject, description, members with their roles, and settings.
 *
 * <pre>{@code
 * context.groups().info(ctx.chat().id()).thenAccept(group ->
 *         ctx.reply(group.subject() + ": " + group.members().size() + " members, " + group.admins().size() + " admins"));
 * }</pre>
 *
 * @param id the group's chat id
 * @param subject its name
 * @param description its description; may be empty
 * @param members everyone in it, the bot included
 * @param announcementOnly whether only admins may send messages
 */
public record GroupInfo(ChatId id, String subject, String description, List<GroupMember> members, boolean announcementOnly) {

    /** Checks the components and copies the members. */
    public GroupInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        members = List.copyOf(members);
    }

    /**
     * Returns the admins (super admins included).
     *
     * @return their ids, in member order
     */
    public List<UserId> admins() {
        return members.stream().filter(m -> m.role().isAdmin()).map(GroupMember::user).toList();
    }

    /**
     * Returns a member's role.
     *
     * @param user the user
     * @return their role, or empty if they are not a member
     */
    public Optional<GroupRole> roleOf(UserId user) {
        return members.stream().filter(m -> m.user().equals(user)).map(GroupMember::role).findFirst();
    }

    /**
     * Tells whether a user is an admin here.
     *
     * @param user the user
     * @return true for an admin or super admin
     */
    public boolean isAdmin(UserId user) {
        return roleOf(user).map(GroupRole::isAdmin).orElse(false);
    }
}
