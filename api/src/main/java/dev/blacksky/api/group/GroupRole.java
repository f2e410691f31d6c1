package dev.blacksky.api.group;

/** A member's role in a group. */
public enum GroupRole {
    /** An ordinary member. */
    MEMBER,
    /** An admin: may change the group and its members. */
    ADMIN,
    /** The group's creator: an admin who cannot be demoted. */
    SUPER_ADMIN;

    /**
     * Tells whether this role may administer the group.
     *
     * @return true for ADMIN and SUPER_ADMIN
     */
    public boolean isAdmin() {
        return this != MEMBER;
    }
}
