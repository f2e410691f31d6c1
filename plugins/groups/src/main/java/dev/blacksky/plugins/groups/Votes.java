package dev.blacksky.plugins.groups;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.event.EventAdapter;
import dev.blacksky.api.event.PollVotedEvent;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Poll;
import dev.blacksky.api.storage.KeyValueStore;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Keeps each voter's current choice on the group's last poll, and {@code !tally} counts them. */
@Extension
public final class Votes extends EventAdapter {

    private final PluginContext context;

    @Inject
    public Votes(PluginContext context) {
        this.context = context;
    }

    static void remember(KeyValueStore storage, ChatId chat, String pollId, Poll poll) {
        storage.put("poll:" + chat.value(), pollId + "\n" + poll.question() + "\n" + String.join("\n", poll.options()));
    }

    @Override
    public void onPollVoted(PollVotedEvent vote) {
        context.storage().put("vote:" + vote.pollId() + ":" + vote.voter().value(), String.join("\n", vote.selected()));
    }

    /** {@code !tally}: the counts of the group's last poll. */
    @Extension
    public static final class Tally implements Command {

        private final PluginContext context;

        @Inject
        public Tally(PluginContext context) {
            this.context = context;
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.named("tally").description("Counts the votes on the group's last poll").category("Groups")
                    .scope(ChatScope.GROUP).build();
        }

        @Override
        public void execute(CommandContext ctx) {
            List<String> poll = context.storage().get("poll:" + ctx.chat().id().value()).map(p -> List.of(p.split("\n")))
                    .orElseThrow(() -> new CommandException("No poll here yet: start one with " + ctx.prefix() + "ask."));
            Map<String, Integer> counts = new LinkedHashMap<>();
            poll.subList(2, poll.size()).forEach(option -> counts.put(option, 0));
            context.storage().entries("vote:" + poll.getFirst() + ":").values().forEach(choice -> Arrays.stream(choice.split("\n"))
                    .filter(counts::containsKey).forEach(option -> counts.merge(option, 1, Integer::sum)));
            StringBuilder text = new StringBuilder("📊 ").append(poll.get(1));
            counts.forEach((option, count) -> text.append('\n').append(option).append(": ").append(count));
            ctx.reply(text.toString());
        }
    }
}
