package dev.blacksky.api.group;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.UserId;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads and administers groups. Reach it through {@code PluginContext.groups()}.
 *
 * <pre>{@code
 * // !kick @bob, for group admins
 * UserId bob = ctx.args().user("member");
 * context.groups().remove(ctx.chat().id(), bob)
 *         .thenRun(() -> ctx.reply("Removed " + bob.mention()))
 *         .exceptionally(e -> { ctx.reply(e.getCause().getMessage()); return null; });
 * }</pre>
 *
 * <p>Changes need the bot to be an admin of the group: otherwise the stage fails at once with a
 * {@link GroupException} saying so. Whether the user who asked may change the group is for the command
 * to decide ({@code Access.GROUP_ADMINS}). Group information is cached and refreshed when the group
 * changes.
 */
public interface Groups {

    /**
     * Returns the bot's own user id, to tell it apart in member lists.
     *
     * @return the id, or empty until the transport knows it (before the first login)
     */
    Optional<UserId> bot();

    /**
     * Returns what a group is now.
     *
     * @param group the group's chat id
     * @return its subject, description and members; fails with {@link GroupException} for a chat that is not a group
     */
    CompletionStage<GroupInfo> info(ChatId group);

    /**
     * Adds a user.
     *
     * @param group the group
     * @param user who to add
     * @return a stage that completes when the change was made
     */
    CompletionStage<Void> add(ChatId group, UserId user);

    /**
     * Removes a member.
     *
     * @param group the group
     * @param user who to remove
     * @return a stage that completes when the change was made
     */
    CompletionStage<Void> remove(ChatId group, UserId user);

    /**
     * Makes a member an admin.
     *
     * @param group the group
     * @param user who to promote
     * @return a stage that completes when the change was made
     */
    CompletionStage<Void> promote(ChatId group, UserId user);

    /**
     * Makes an admin an ordinary member.
     *
     * @param group the group
     * @param user who to demote
     * @return a stage that completes when the change was made
     */
    CompletionStage<Void> demote(ChatId group, UserId user);

    /**
     * Renames the group.
     *
     * @param group the group
     * @param subject the new subject
     * @return a stage that completes when the change was made
     */
    CompletionStage<Void> setSubject(ChatId group, String subject);

    /**
     * Sets the group's description.
     *
     * @param group the group
     * @param description the new description; empty to clear it
     * @return a stage that completes when the change was made
     */
    CompletionStage<Void> setDescription(ChatId group, String description);

    /**
     * Lets only admins send messages (true), or everyone (false).
     *
     * @param group the group
     * @param on whether only admins may send
     * @return a stage that completes when the change was made
     */
    CompletionStage<Void> setAnnouncementOnly(ChatId group, boolean on);

    /**
     * Returns the group's invite link.
     *
     * @param group the group
     * @return a stage with a link such as {@code https://chat.whatsapp.com/AbCdEf...}
     */
    CompletionStage<String> inviteLink(ChatId group);
}
