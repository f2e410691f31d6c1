package dev.blacksky.plugins.poll;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.event.EventAdapter;
import dev.blacksky.api.event.MemberJoinedEvent;
import dev.blacksky.api.event.PollVotedEvent;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import jakarta.inject.Inject;
import java.util.List;
import org.pf4j.Extension;

/** Votes, by a tap on the poll or by {@code !vote 1 3}, and a word about the open poll to newcomers. */
@Extension
public final class Votes extends EventAdapter implements Command {

    static final Argument<List<Long>> CHOICES = Argument.list("choices", "the numbers of your answers",
            Argument.integer("choice", "an answer's number", 1, 12));

    private final PluginContext context;

    @Inject
    public Votes(PluginContext context) {
        this.context = context;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("vote").description("Votes on the open poll by number").category("Polls")
                .argument(CHOICES).example("vote 2").scope(ChatScope.GROUP).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        List<String> options = poll(ctx.chat().id()).options();
        List<Long> numbers = ctx.args().get(CHOICES);
        if (numbers.stream().anyMatch(n -> n > options.size())) {
            throw new CommandException("This poll has " + options.size() + " answers.");
        }
        List<String> choices = numbers.stream().map(n -> options.get((int) (n - 1))).distinct().toList();
        context.storage().updateRecord(Polls.key(ctx.chat().id()), OpenPoll.class, p -> p.withVote(ctx.sender().id(), choices));
        ctx.react("✅");
    }

    // A tap on the poll: counted if it is for the poll still open here.
    @Override
    public void onPollVoted(PollVotedEvent event) {
        context.storage().updateRecord(Polls.key(event.chat().id()), OpenPoll.class,
                poll -> poll.id().equals(event.pollId()) ? poll.withVote(event.voter(), event.selected()) : poll);
    }

    @Override
    public void onMemberJoined(MemberJoinedEvent event) {
        context.storage().getRecord(Polls.key(event.group().id()), OpenPoll.class).ifPresent(poll -> context.messenger()
                .send(event.group().id(), OutgoingMessage.text(event.user().mention() + ", a poll is open: " + poll.question()
                        + " Vote with " + context.commandPrefix() + "vote <number>.").mentioning(event.user())));
    }

    private OpenPoll poll(ChatId chat) {
        return context.storage().getRecord(Polls.key(chat), OpenPoll.class)
                .orElseThrow(() -> new CommandException("No poll is open here."));
    }
}
