package dev.blacksky.api.group;

import dev.blacksky.api.message.UserId;
import java.util.Objects;

/**
 * A member of a group and their role.
 *
 * @param user the member
 * @param role their role
 */
public record GroupMember(UserId user, GroupRole role) {

    /** Checks the components. */
    public GroupMember {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }
}
