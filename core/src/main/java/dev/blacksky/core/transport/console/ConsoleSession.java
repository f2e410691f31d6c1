package dev.blacksky.core.transport.console;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.group.GroupException;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.GroupChange;
import dev.blacksky.core.transport.LocalGroups;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who is speaking where, as switched by the console directives. Confined to the reader thread. */
final class ConsoleSession {

    private final User defaultUser;
    private final LocalGroups groups;
    private User sender;
    private String group; // null: the private chat with the sender

    ConsoleSession(User defaultUser, LocalGroups groups) {
        this.defaultUser = defaultUser;
        this.sender = defaultUser;
        this.groups = groups;
    }

    /**
     * What a directive did: feedback for the user, events to deliver, and a message to deliver (media, a
     * location, a contact, or a line quoting an earlier one) or null.
     */
    record Outcome(String feedback, List<BotEvent> events, Draft message) {
        Outcome(String feedback) {
            this(feedback, List.of(), null);
        }
    }

    /** A message a directive plays in: its text and content, and the number of the line it quotes (0: none). */
    record Draft(String text, Content content, int quotes) {
    }

    /** Applies a directive line; empty if the line is not a directive. */
    Optional<Outcome> apply(String line, Instant now) {
        String[] parts = line.trim().split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].trim() : "";
        try {
            return Optional.ofNullable(directive(parts[0], argument, now));
        } catch (GroupException e) {
            return Optional.of(new Outcome(e.getMessage()));
        }
    }

    private Outcome directive(String name, String argument, Instant now) {
        switch (name) {
            case ":as" -> {
                sender = argument.isEmpty() ? defaultUser : new User(UserId.of(argument), argument);
                return new Outcome("speaking as " + sender.id());
            }
            case ":in" -> {
                if (argument.isEmpty()) {
                    return new Outcome("usage: :in <group>");
                }
                group = argument;
                chat();
                return new Outcome("in group " + group);
            }
            case ":dm" -> {
                group = null;
                return new Outcome("in the private chat with " + sender.id());
            }
            case ":join", ":leave", ":promote", ":demote" -> {
                if (group == null || argument.isEmpty()) {
                    return new Outcome("usage: " + name + " <user>, inside a group (:in <group> first)");
                }
                UserId user = UserId.of(argument);
                GroupChange change = switch (name) {
                    case ":join" -> new GroupChange.Add(user);
                    case ":leave" -> new GroupChange.Remove(user);
                    case ":promote" -> new GroupChange.Promote(user);
                    default -> new GroupChange.Demote(user);
                };
                List<BotEvent> events = groups.apply(chat().id(), change, now);
                return new Outcome(change.describe() + " in " + group + ": done", events, null);
            }
            case ":admin" -> {
                if (group == null) {
                    return new Outcome(":admin works inside a group; use :in <group> first");
                }
                boolean on = !argument.equals("off");
                List<BotEvent> events = groups.apply(chat().id(), on ? new GroupChange.Promote(sender.id())
                        : new GroupChange.Demote(sender.id()), now);
                return new Outcome(sender.id() + (on ? " is now an admin of " : " is no longer an admin of ") + group,
                        events, null);
            }
            case ":subject" -> {
                if (group == null || argument.isEmpty()) {
                    return new Outcome("usage: :subject <text>, inside a group");
                }
                return new Outcome("subject of " + group + " set", groups.apply(chat().id(), new GroupChange.Subject(argument), now),
                        null);
            }
            case ":members" -> {
                if (group == null) {
                    return new Outcome(":members works inside a group; use :in <group> first");
                }
                GroupInfo info = groups.info(chat().id());
                return new Outcome("members of " + info.subject() + ": " + info.members().stream()
                        .map(m -> m.user() + (m.role().isAdmin() ? " (admin)" : "")).collect(Collectors.joining(", ")));
            }
            case ":image", ":video", ":audio", ":voice", ":doc", ":sticker" -> {
                return media(name, argument);
            }
            case ":location" -> {
                String[] words = argument.split("\\s+", 3);
                try {
                    double lat = Double.parseDouble(words[0]);
                    double lon = Double.parseDouble(words[1]);
                    return new Outcome("location sent", List.of(), new Draft("",
                            new Content.Location(lat, lon, words.length > 2 ? words[2] : ""), 0));
                } catch (RuntimeException e) {
                    return new Outcome("usage: :location <latitude> <longitude> [name]");
                }
            }
            case ":contact" -> {
                if (argument.isEmpty()) {
                    return new Outcome("usage: :contact <name>");
                }
                return new Outcome("contact sent", List.of(), new Draft("", new Content.Contact(argument,
                        "BEGIN:VCARD\nVERSION:3.0\nFN:" + argument + "\nEND:VCARD"), 0));
            }
            case ":reply" -> {
                String[] words = argument.split("\\s+", 2);
                try {
                    return new Outcome("replying to line " + words[0], List.of(),
                            new Draft(words.length > 1 ? words[1] : "", Content.TEXT, Integer.parseInt(words[0])));
                } catch (NumberFormatException e) {
                    return new Outcome("usage: :reply <line number> <text>");
                }
            }
            case ":help" -> {
                return new Outcome(ConsoleHelp.TEXT);
            }
            default -> {
                return null;
            }
        }
    }

    private Outcome media(String directive, String argument) {
        String[] words = argument.split("\\s+", 2);
        if (argument.isEmpty()) {
            return new Outcome("usage: " + directive + " <file> [caption]");
        }
        java.nio.file.Path file = java.nio.file.Path.of(words[0]).toAbsolutePath();
        if (!java.nio.file.Files.isRegularFile(file)) {
            return new Outcome("no such file: " + file);
        }
        MediaKind kind = switch (directive) {
            case ":image" -> MediaKind.IMAGE;
            case ":video" -> MediaKind.VIDEO;
            case ":audio" -> MediaKind.AUDIO;
            case ":voice" -> MediaKind.VOICE;
            case ":sticker" -> MediaKind.STICKER;
            default -> MediaKind.DOCUMENT;
        };
        dev.blacksky.api.message.Media media = dev.blacksky.api.message.Media.of(kind, file);
        Content content = new Content.Attachment(kind, media.mimeType(), media.size(), media.fileName(), file.toString());
        String caption = words.length > 1 ? words[1] : "";
        return new Outcome(ConsoleOutput.describe(kind, file.getFileName().toString(), media.size()) + " " + caption,
                List.of(), new Draft(caption, content, 0));
    }

    User sender() {
        return sender;
    }

    Chat chat() {
        if (group == null) {
            return new Chat(ChatId.of(sender.id()), ChatType.PRIVATE, sender.displayName());
        }
        ChatId id = ChatId.of("group:" + group);
        groups.ensureMember(id, group, sender.id());
        return groups.chat(id, group);
    }

    boolean inGroup() {
        return group != null;
    }

    boolean senderIsGroupAdmin() {
        return group != null && groups.isAdmin(ChatId.of("group:" + group), sender.id());
    }

    String promptLabel() {
        return sender.id() + (group == null ? "" : "@" + group) + "> ";
    }
}
