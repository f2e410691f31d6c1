package dev.blacksky.testkit;

import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.group.GroupMember;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.GroupChange;
import dev.blacksky.core.transport.LocalGroups;
import java.util.List;

/**
 * A group in a {@link BlackskyTest}: set up its members and admins, then check what commands did to it.
 *
 * <pre>{@code
 * bot.group("team").withMembers("alice", "bob").withAdmins("alice");
 * assertThat(bot.group("team").subject()).isEqualTo("Team");
 * }</pre>
 */
public final class TestGroup {

    private final BlackskyTest bot;
    private final String name;
    private final ChatId id;

    TestGroup(BlackskyTest bot, String name) {
        this.bot = bot;
        this.name = name;
        this.id = bot.groupChat(name).id();
    }

    /**
     * Adds members (without events: they were there before the test).
     *
     * @param userIds the members' ids
     * @return this
     */
    public TestGroup withMembers(String... userIds) {
        for (String user : userIds) {
            groups().ensureMember(id, name, UserId.of(user));
        }
        return this;
    }

    /**
     * Makes users admins, adding them as members first if needed.
     *
     * @param userIds the admins' ids
     * @return this
     */
    public TestGroup withAdmins(String... userIds) {
        withMembers(userIds);
        for (String user : userIds) {
            groups().apply(id, new GroupChange.Promote(UserId.of(user)), bot.now());
        }
        return this;
    }

    /**
     * Makes the bot an admin of this group, or takes its rights away (to test refusals).
     *
     * @param admin whether the bot is an admin
     * @return this
     */
    public TestGroup botIsAdmin(boolean admin) {
        UserId self = groups().bot();
        groups().apply(id, admin ? new GroupChange.Promote(self) : new GroupChange.Demote(self), bot.now());
        return this;
    }

    /**
     * Returns the members' ids, the bot's ({@code "blacksky"}) included, in the order they joined.
     *
     * @return the ids
     */
    public List<String> members() {
        return info().members().stream().map(m -> m.user().value()).toList();
    }

    /**
     * Returns the admins' ids.
     *
     * @return the ids
     */
    public List<String> admins() {
        return info().members().stream().filter(m -> m.role().isAdmin()).map(GroupMember::user).map(UserId::value).toList();
    }

    /**
     * Returns the group's subject.
     *
     * @return its name as WhatsApp shows it
     */
    public String subject() {
        return info().subject();
    }

    private GroupInfo info() {
        return groups().info(id);
    }

    private LocalGroups groups() {
        return bot.transport().groups();
    }
}
