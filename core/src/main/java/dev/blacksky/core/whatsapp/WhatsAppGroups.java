package dev.blacksky.core.whatsapp;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.GroupSubjectChangedEvent;
import dev.blacksky.api.event.MemberDemotedEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberLeftEvent;
import dev.blacksky.api.event.MemberPromotedEvent;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.GroupMember;
import dev.blacksky.api.group.GroupRole;
import dev.blacksky.api.message.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each group is (subject, members, roles), read from WhatsApp's metadata once and then kept current from
 * the group notifications and the bot's own changes: Cobalt 0.0.10 caches the metadata for the life of the
 * connection, so asking it again would only repeat the first answer. Refetched after {@code ttl} all the same.
 */
final class WhatsAppGroups {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppGroups.class);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private record Entry(GroupInfo info, Instant fetched) {}

    private final Map<String, Entry> groups = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    WhatsAppGroups(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The group's information, from the cache or {@code query}. */
    CompletionStage<GroupInfo> info(String group, Function<String, CompletionStage<GroupInfo>> query) {
        Entry entry = groups.get(group);
        if (entry != null && clock.instant().isBefore(entry.fetched().plus(ttl))) {
            return CompletableFuture.completedFuture(entry.info());
        }
        return query.apply(group).thenApply(info -> {
            groups.put(group, new Entry(info, clock.instant()));
            return info;
        });
    }

    /** The subject of a group already known, without asking. */
    Optional<String> cachedSubject(String group) {
        return Optional.ofNullable(groups.get(group)).map(entry -> entry.info().subject());
    }

    /** Whether {@code user} administers {@code group}; a query that fails answers no (admin commands fail closed). */
    boolean isAdmin(String group, String user, Function<String, CompletionStage<GroupInfo>> query) {
        Optional<GroupInfo> info = known(group, query);
        return info.map(i -> i.isAdmin(UserId.of(user))).orElse(false);
    }

    /** The group's subject, if it can be had within the query timeout. */
    Optional<String> subject(String group, Function<String, CompletionStage<GroupInfo>> query) {
        return known(group, query).map(GroupInfo::subject);
    }

    private Optional<GroupInfo> known(String group, Function<String, CompletionStage<GroupInfo>> query) {
        try {
            return Optional.of(info(group, query).toCompletableFuture().get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not read group {} ({}); treating the sender as no admin", group, e.toString());
            Entry stale = groups.get(group);
            return stale == null ? Optional.empty() : Optional.of(stale.info()); // a stale answer beats none
        }
    }

    /** Keeps a cached group current with what happened to it. */
    void apply(BotEvent event) {
        switch (event) {
            case MemberJoinedEvent e -> update(e.group().id().value(), (members, info) -> {
                if (members.stream().noneMatch(m -> m.user().equals(e.user()))) {
                    members.add(new GroupMember(e.user(), GroupRole.MEMBER));
                }
                return info.subject();
            });
            case MemberLeftEvent e -> update(e.group().id().value(), (members, info) -> {
                members.removeIf(m -> m.user().equals(e.user()));
                return info.subject();
            });
            case MemberPromotedEvent e -> update(e.group().id().value(), (members, info) -> role(members, e.user(), GroupRole.ADMIN, info));
            case MemberDemotedEvent e -> update(e.group().id().value(), (members, info) -> role(members, e.user(), GroupRole.MEMBER, info));
            case GroupSubjectChangedEvent e -> update(e.group().id().value(), (members, info) -> e.subject());
            default -> { }
        }
    }

    private static String role(List<GroupMember> members, UserId user, GroupRole role, GroupInfo info) {
        members.replaceAll(m -> m.user().equals(user) && m.role() != GroupRole.SUPER_ADMIN ? new GroupMember(user, role) : m);
        return info.subject();
    }

    private interface Change {
        String apply(List<GroupMember> members, GroupInfo info);
    }

    private void update(String group, Change change) {
        groups.computeIfPresent(group, (key, entry) -> {
            List<GroupMember> members = new ArrayList<>(entry.info().members());
            String subject = change.apply(members, entry.info());
            GroupInfo info = entry.info();
            return new Entry(new GroupInfo(info.id(), subject, info.description(), members, info.announcementOnly()),
                    entry.fetched());
        });
    }

    /** Forgets a group, so that the next read asks WhatsApp (after a change the bot made fails, say). */
    void forget(String group) {
        groups.remove(group);
    }
}
