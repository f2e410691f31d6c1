package dev.blacksky.plugins.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.testkit.BlackskyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupsTest {

    @RegisterExtension
    BlackskyTest bot = BlackskyTest.plugin("groups", TagAll.class);

    @Test
    void tagall_mentions_every_member_for_admins_only() {
        bot.group("team").withMembers("alice", "bob", "carol").withAdmins("alice");
        bot.user("bob").in("team").says("!tagall").expectReply("Only group admins can use !tagall.");
        bot.user("alice").in("team").says("!tagall standup now")
                .expectReply("📣 standup now\n@alice @bob @carol").expectMentions("alice", "bob", "carol");
        bot.user("alice").in("team").says("!tagall again").expectReplyContaining("Slow down");
    }

    @Test
    void kick_removes_a_member_when_an_admin_asks_and_the_bot_is_admin() {
        bot.group("team").withMembers("alice", "bob").withAdmins("alice");
        bot.user("bob").in("team").says("!kick @alice").expectReply("Only group admins can use !kick.");
        bot.user("alice").in("team").says("!kick @bob").expectReply("Removed @bob.").expectMentions("bob");
        assertThat(bot.group("team").members()).containsExactly("blacksky", "alice");
        bot.user("alice").in("team").says("!kick @bob").expectReply("❌ bob is not a member of team");
    }

    @Test
    void changes_are_refused_with_the_reason_when_the_bot_is_not_an_admin() {
        bot.group("team").withMembers("alice", "bob").withAdmins("alice").botIsAdmin(false);
        bot.user("alice").in("team").says("!promote @bob").expectReplyContaining("I am not an admin of team");
        assertThat(bot.group("team").admins()).containsExactly("alice");
    }

    @Test
    void promote_and_demote_change_roles() {
        bot.group("team").withMembers("alice", "bob").withAdmins("alice");
        bot.user("alice").in("team").says("!promote @bob").expectReply("Promoted @bob.");
        assertThat(bot.group("team").admins()).containsExactly("blacksky", "alice", "bob");
        bot.user("alice").in("team").says("!demote @bob").expectReply("Demoted @bob.");
        assertThat(bot.group("team").admins()).containsExactly("blacksky", "alice");
    }

    @Test
    void groupinfo_shows_the_subject_and_counts() {
        bot.group("team").withMembers("alice", "bob").withAdmins("alice");
        bot.user("bob").in("team").says("!groupinfo").expectReply("👥 team\n3 members, 2 admins");
    }

    @Test
    void antilink_deletes_invite_links_from_members_but_not_from_admins() {
        bot.group("team").withMembers("alice", "bob").withAdmins("alice");
        bot.user("bob").in("team").says("join chat.whatsapp.com/AbC123").expectNotDeleted().expectNoReply();
        bot.user("alice").in("team").says("!antilink on").expectReplyContaining("will be deleted");
        bot.user("bob").in("team").says("join chat.whatsapp.com/AbC123").expectDeleted()
                .expectReply("🚫 @bob, links to other groups are not allowed here.").expectMentions("bob");
        bot.user("alice").in("team").says("ours: chat.whatsapp.com/Xyz").expectNotDeleted().expectNoReply();
    }
}
