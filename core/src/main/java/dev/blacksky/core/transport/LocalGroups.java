package dev.blacksky.core.transport;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.GroupSubjectChangedEvent;
import dev.blacksky.api.event.MemberDemotedEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.event.MemberPromotedEvent;
import dev.blacksky.api.group.GroupException;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.GroupMember;
import dev.blacksky.api.group.GroupRole;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Groups kept in memory for the local transports (console, simulated): members, roles, subject, settings. */
public final class LocalGroups {

    private static final class State {
        String subject;
        String description = "";
        boolean announcementOnly;
        final Map<UserId, GroupRole> members = new LinkedHashMap<>();
    }

    private final UserId bot;
    private final Map<ChatId, State> groups = new HashMap<>();

    /** The bot joins every group as its creator (a super admin) until someone demotes it. */
    public LocalGroups(UserId bot) {
        this.bot = bot;
    }

    public UserId bot() {
        return bot;
    }

    /** The group's chat, made on first use with {@code subject} as its name. */
    public synchronized Chat chat(ChatId id, String subject) {
        return new Chat(id, ChatType.GROUP, state(id, subject).subject);
    }

    /** Makes {@code user} a member (speaking in a group implies it); true if they were not one before. */
    public synchronized boolean ensureMember(ChatId id, String subject, UserId user) {
        return state(id, subject).members.putIfAbsent(user, GroupRole.MEMBER) == null;
    }

    public synchronized boolean isAdmin(ChatId id, UserId user) {
        State state = groups.get(id);
        return state != null && state.members.getOrDefault(user, GroupRole.MEMBER).isAdmin();
    }

    public synchronized GroupInfo info(ChatId id) {
        State state = existing(id);
        List<GroupMember> members = state.members.entrySet().stream().map(e -> new GroupMember(e.getKey(), e.getValue())).toList();
        return new GroupInfo(id, state.subject, state.description, members, state.announcementOnly);
    }

    public synchronized String inviteLink(ChatId id) {
        existing(id);
        return "https://chat.whatsapp.com/" + Integer.toHexString(id.value().hashCode() & 0x7fffffff);
    }

    /** Applies a change and returns what listeners hear of it; refuses what WhatsApp would refuse. */
    public synchronized List<BotEvent> apply(ChatId id, GroupChange change, Instant now) {
        State state = existing(id);
        Chat chat = new Chat(id, ChatType.GROUP, state.subject);
        return switch (change) {
            case GroupChange.Add a -> {
                if (state.members.putIfAbsent(a.user(), GroupRole.MEMBER) != null) {
                    throw new GroupException(a.user() + " is already a member of " + state.subject);
                }
                yield List.of(new MemberJoinedEvent(chat, a.user(), now));
            }
            case GroupChange.Remove r -> {
                member(state, r.user());
                state.members.remove(r.user());
                yield List.of(new MemberLeftEvent(chat, r.user(), now));
            }
            case GroupChange.Promote p -> {
                if (member(state, p.user()).isAdmin()) {
                    yield List.of();
                }
                state.members.put(p.user(), GroupRole.ADMIN);
                yield List.of(new MemberPromotedEvent(chat, p.user(), now));
            }
            case GroupChange.Demote d -> {
                GroupRole role = member(state, d.user());
                if (!role.isAdmin()) {
                    yield List.of();
                }
                state.members.put(d.user(), GroupRole.MEMBER);
                yield List.of(new MemberDemotedEvent(chat, d.user(), now));
            }
            case GroupChange.Subject s -> {
                state.subject = s.subject();
                yield List.of(new GroupSubjectChangedEvent(new Chat(id, ChatType.GROUP, s.subject()), s.subject(), now));
            }
            case GroupChange.Description d -> {
                state.description = d.description();
                yield List.of();
            }
            case GroupChange.AnnouncementOnly a -> {
                state.announcementOnly = a.on();
                yield List.of();
            }
        };
    }

    /** {@link #info} as the transports answer it: a stage, failed when the group is unknown. */
    public CompletionStage<GroupInfo> infoStage(ChatId id) {
        return stage(() -> info(id));
    }

    /** {@link #apply} as a stage; what listeners hear of the change goes to {@code events}. */
    public CompletionStage<Void> changeStage(ChatId id, GroupChange change, Instant now, Consumer<BotEvent> events) {
        return stage(() -> {
            apply(id, change, now).forEach(events);
            return null;
        });
    }

    /** {@link #inviteLink} as a stage. */
    public CompletionStage<String> inviteLinkStage(ChatId id) {
        return stage(() -> inviteLink(id));
    }

    private static <T> CompletionStage<T> stage(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private State state(ChatId id, String subject) {
        return groups.computeIfAbsent(id, k -> {
            State state = new State();
            state.subject = subject;
            state.members.put(bot, GroupRole.SUPER_ADMIN);
            return state;
        });
    }

    private State existing(ChatId id) {
        State state = groups.get(id);
        if (state == null) {
            throw new GroupException(id + " is not a group the bot is in");
        }
        return state;
    }

    private static GroupRole member(State state, UserId user) {
        GroupRole role = state.members.get(user);
        if (role == null) {
            throw new GroupException(user + " is not a member of " + state.subject);
        }
        return role;
    }
}
