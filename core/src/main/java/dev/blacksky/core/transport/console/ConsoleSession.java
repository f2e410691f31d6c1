package dev.blacksky.core.transport.console;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Who is speaking where, as switched by the :as, :in, :dm and :admin directives. Confined to the reader thread. */
final class ConsoleSession {

    private final User defaultUser;
    private User sender;
    private String group; // null: the private chat with the sender
    private final Set<String> admins = new HashSet<>(); // "group\u0000user"

    ConsoleSession(User defaultUser) {
        this.defaultUser = defaultUser;
        this.sender = defaultUser;
    }

    /** Applies a directive line; returns feedback for the user, or empty if the line is not a directive. */
    Optional<String> apply(String line) {
        String[] parts = line.trim().split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].trim() : "";
        switch (parts[0]) {
            case ":as" -> {
                sender = argument.isEmpty() ? defaultUser : new User(UserId.of(argument), argument);
                return Optional.of("speaking as " + sender.id());
            }
            case ":in" -> {
                if (argument.isEmpty()) {
                    return Optional.of("usage: :in <group>");
                }
                group = argument;
                return Optional.of("in group " + group);
            }
            case ":dm" -> {
                group = null;
                return Optional.of("in the private chat with " + sender.id());
            }
            case ":admin" -> {
                if (group == null) {
                    return Optional.of(":admin works inside a group; use :in <group> first");
                }
                boolean on = !argument.equals("off");
                String key = group + '\u0000' + sender.id();
                if (on) {
                    admins.add(key);
                } else {
                    admins.remove(key);
                }
                return Optional.of(sender.id() + (on ? " is now an admin of " : " is no longer an admin of ") + group);
            }
            case ":help" -> {
                return Optional.of("""
                        directives:
                          :as <user>      speak as <user> (":as" alone: back to the console user)
                          :in <group>     speak in a group chat
                          :dm             back to the private chat
                          :admin [off]    make the current user an admin of the current group (or not)""");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    User sender() {
        return sender;
    }

    Chat chat() {
        if (group == null) {
            return new Chat(ChatId.of(sender.id().value()), ChatType.PRIVATE, sender.displayName());
        }
        return new Chat(ChatId.of("group:" + group), ChatType.GROUP, group);
    }

    boolean senderIsGroupAdmin() {
        return group != null && admins.contains(group + '\u0000' + sender.id());
    }

    String promptLabel() {
        return sender.id() + (group == null ? "" : "@" + group) + "> ";
    }
}
