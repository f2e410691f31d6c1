package dev.blacksky.plugins.groups;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.event.EventAdapter;
import dev.blacksky.api.event.MessageReceivedEvent;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Deletes WhatsApp group invite links that members who are not admins post, in groups where an admin
 * turned the guard on ({@code !antilink on}), and warns the poster with a real mention.
 */
@Extension
public final class AntiLink extends EventAdapter {

    static final Pattern INVITE = Pattern.compile("chat\\.whatsapp\\.com/\\S+", Pattern.CASE_INSENSITIVE);

    private final PluginContext context;

    @Inject
    public AntiLink(PluginContext context) {
        this.context = context;
    }

    @Override
    public void onMessage(MessageReceivedEvent event) {
        Message message = event.message();
        if (!message.chat().isGroup() || !INVITE.matcher(message.text()).find()
                || !AntiLinkSwitch.isOn(context.storage(), message.chat().id())) {
            return;
        }
        UserId poster = message.sender().id();
        if (context.groups().info(message.chat().id()).toCompletableFuture().join().isAdmin(poster)) {
            return;
        }
        context.messenger().delete(message);
        context.messenger().send(message.chat().id(), OutgoingMessage.text("🚫 " + poster.mention()
                + ", links to other groups are not allowed here.").mentioning(poster));
    }
}
