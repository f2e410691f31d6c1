package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.GroupSubjectChangedEvent;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.MemberPromotedEvent;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.GroupMember;
import dev.blacksky.api.group.GroupRole;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.schedule.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WhatsAppGroupsTest {

    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-11-26T12:00:00Z"));
    private final WhatsAppGroups groups = new WhatsAppGroups(Duration.ofMinutes(5), time.clock());
    private final AtomicInteger queries = new AtomicInteger();
    private volatile List<GroupMember> current = List.of(new GroupMember(UserId.of("15550001111"), GroupRole.ADMIN));
    private final Function<String, CompletionStage<GroupInfo>> query = group -> {
        queries.incrementAndGet();
        return CompletableFuture.completedFuture(new GroupInfo(ChatId.of(group), "Team", "", current, false));
    };

    @Test
    void a_group_is_queried_once_per_period() {
        assertThat(groups.isAdmin("g1@g.us", "15550001111", query)).isTrue();
        assertThat(groups.isAdmin("g1@g.us", "15550002222", query)).isFalse();
        assertThat(queries).hasValue(1);

        current = List.of(new GroupMember(UserId.of("15550002222"), GroupRole.ADMIN)); // changed on the phone
        time.advance(Duration.ofMinutes(5));
        assertThat(groups.isAdmin("g1@g.us", "15550002222", query)).isTrue();
        assertThat(queries).hasValue(2);
    }

    @Test
    void a_failed_query_fails_closed_or_falls_back_to_the_last_answer() {
        Function<String, CompletionStage<GroupInfo>> failing = group -> CompletableFuture.failedFuture(new IllegalStateException("offline"));
        assertThat(groups.isAdmin("g2@g.us", "15550001111", failing)).isFalse();

        assertThat(groups.isAdmin("g3@g.us", "15550001111", query)).isTrue();
        time.advance(Duration.ofMinutes(6));
        assertThat(groups.isAdmin("g3@g.us", "15550001111", failing)).isTrue();
    }

    @Test
    void notifications_keep_the_cached_group_current_without_asking_again() {
        Chat team = new Chat(ChatId.of("g1@g.us"), ChatType.GROUP, "Team");
        assertThat(groups.subject("g1@g.us", query)).hasValue("Team");
        groups.apply(new MemberJoinedEvent(team, UserId.of("15550003333"), time.now()));
        groups.apply(new MemberPromotedEvent(team, UserId.of("15550003333"), time.now()));
        groups.apply(new GroupSubjectChangedEvent(team, "Night shift", time.now()));
        GroupInfo info = groups.info("g1@g.us", query).toCompletableFuture().join();
        assertThat(info.subject()).isEqualTo("Night shift");
        assertThat(info.admins()).containsExactly(UserId.of("15550001111"), UserId.of("15550003333"));
        assertThat(queries).hasValue(1);
    }
}
