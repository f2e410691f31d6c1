package dev.blacksky.plugins.moderation;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.event.EventAdapter;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.message.OutgoingMessage;
import jakarta.inject.Inject;
import org.pf4j.Extension;

/** Greets each new group member with {@code plugins.moderation.welcome}: the example of a listener. */
@Extension
public final class Welcome extends EventAdapter {

    private final PluginContext context;
    private final String template;

    @Inject
    public Welcome(PluginContext context) {
        this.context = context;
        this.template = context.config().getString("welcome");
    }

    @Override
    public void onMemberJoined(MemberJoinedEvent event) {
        if (!template.isBlank()) {
            String text = template.replace("{user}", event.user().mention()).replace("{group}", event.group().name())
                    .replace("{prefix}", context.commandPrefix());
            context.messenger().send(event.group().id(), OutgoingMessage.text(text).mentioning(event.user()));
        }
    }
}
