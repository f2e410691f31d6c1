package dev.blacksky.core.transport.console;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Who is speaking where, as switched by the console directives. Confined to the reader thread. */
final class ConsoleSession {

    private final User defaultUser;
    private User sender;
    private String group; // null: the private chat with the sender
    private final Set<String> admins = new HashSet<>(); // "group\u0000user"

    ConsoleSession(User defaultUser) {
        this.defaultUser = defaultUser;
        this.sender = defaultUser;
    }

    /** What a directive did: feedback for the user, and an event to deliver (a join or leave) or null. */
    record Outcome(String feedback, BotEvent event) {
        Outcome(String feedback) {
            this(feedback, null);
        }
    }

    /** Applies a directive line; empty if the line is not a directive. */
    Optional<Outcome> apply(String line, Instant now) {
        String[] parts = line.trim().split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].trim() : "";
        switch (parts[0]) {
            case ":as" -> {
                sender = argument.isEmpty() ? defaultUser : new User(UserId.of(argument), argument);
                return Optional.of(new Outcome("speaking as " + sender.id()));
            }
            case ":in" -> {
                if (argument.isEmpty()) {
                    return Optional.of(new Outcome("usage: :in <group>"));
                }
                group = argument;
                return Optional.of(new Outcome("in group " + group));
            }
            case ":dm" -> {
                group = null;
                return Optional.of(new Outcome("in the private chat with " + sender.id()));
            }
            case ":join", ":leave" -> {
                if (group == null || argument.isEmpty()) {
                    return Optional.of(new Outcome("usage: " + parts[0] + " <user>, inside a group (:in <group> first)"));
                }
                UserId user = UserId.of(argument);
                BotEvent event = parts[0].equals(":join") ? new MemberJoinedEvent(chat(), user, now)
                        : new MemberLeftEvent(chat(), user, now);
                return Optional.of(new Outcome(argument + (event instanceof MemberJoinedEvent ? " joined " : " left ")
                        + group, event));
            }
            case ":admin" -> {
                if (group == null) {
                    return Optional.of(new Outcome(":admin works inside a group; use :in <group> first"));
                }
                boolean on = !argument.equals("off");
                String key = group + '\u0000' + sender.id();
                if (on) {
                    admins.add(key);
                } else {
                    admins.remove(key);
                }
                return Optional.of(new Outcome(sender.id() + (on ? " is now an admin of " : " is no longer an admin of ") + group));
            }
            case ":help" -> {
                return Optional.of(new Outcome("""
                        directives:
                          :as <user>      speak as <user> (":as" alone: back to the console user)
                          :in <group>     speak in a group chat
                          :dm             back to the private chat
                          :admin [off]    make the current user an admin of the current group (or not)
                          :join <user>    <user> joins the current group (listeners hear it)
                          :leave <user>   <user> leaves the current group"""));
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
