package dev.blacksky.core.transport;

import dev.blacksky.api.message.UserId;

/** One change to a group, as {@code Groups} asks a transport to make it. */
public sealed interface GroupChange {

    /** How the change reads in an error or a log line. */
    String describe();

    record Add(UserId user) implements GroupChange {
        public String describe() {
            return "add " + user;
        }
    }

    record Remove(UserId user) implements GroupChange {
        public String describe() {
            return "remove " + user;
        }
    }

    record Promote(UserId user) implements GroupChange {
        public String describe() {
            return "promote " + user;
        }
    }

    record Demote(UserId user) implements GroupChange {
        public String describe() {
            return "demote " + user;
        }
    }

    record Subject(String subject) implements GroupChange {
        public String describe() {
            return "rename the group";
        }
    }

    record Description(String description) implements GroupChange {
        public String describe() {
            return "change the description";
        }
    }

    record AnnouncementOnly(boolean on) implements GroupChange {
        public String describe() {
            return on ? "let only admins send" : "let everyone send";
        }
    }
}
