package dev.blacksky.plugins.poll;

import dev.blacksky.api.PluginContext;
import dev.blacksky.api.PluginLifecycle;
import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.command.Cooldown;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.Poll;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** {@code !poll create|results|close}: a native WhatsApp poll per group, closed by an admin or on time. */
@Extension
public final class Polls implements Command, PluginLifecycle {

    static final Argument<Duration> OPEN_FOR = Argument.duration("for", "how long it stays open, such as 10m").optional();
    static final Argument<String> QUESTION = Argument.word("question", "the question, in quotes if it has spaces");
    static final Argument<List<String>> OPTIONS = Argument.list("options", "2 to 12 answers",
            Argument.word("option", "an answer"));

    private final PluginContext context;

    @Inject
    public Polls(PluginContext context) {
        this.context = context;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.named("poll").description("Group polls").category("Polls").scope(ChatScope.GROUP)
                .subcommand(Command.of(CommandSpec.named("create").description("Starts a poll").argument(OPEN_FOR)
                        .argument(QUESTION).argument(OPTIONS).example("poll create 10m \"Lunch?\" pizza sushi")
                        .cooldown(Cooldown.perChat(Duration.ofSeconds(30))).build(), this::create))
                .subcommand(Command.of(CommandSpec.named("results").description("Shows the votes so far").build(),
                        ctx -> ctx.reply(open(ctx.chat().id()).results())))
                .subcommand(Command.of(CommandSpec.named("close").description("Closes the poll and shows the result")
                        .access(Access.GROUP_ADMINS).build(), ctx -> close(ctx.chat().id())))
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        // Never called: the host runs the sub-command the user names.
    }

    // Polls left open by the last run close on time after a restart too.
    @Override
    public void start(PluginContext started) {
        started.storage().entries("poll:").keySet().forEach(key -> started.storage().getRecord(key, OpenPoll.class)
                .ifPresent(poll -> closeOnTime(ChatId.of(key.substring("poll:".length())), poll)));
    }

    private void create(CommandContext ctx) throws Exception {
        Optional<Duration> openFor = ctx.args().find(OPEN_FOR);
        if (openFor.isPresent() && openFor.get().compareTo(context.config().getDuration("max-open")) > 0) {
            throw new CommandException("A poll stays open at most " + context.config().getDuration("max-open").toDays() + " days.");
        }
        Poll poll;
        try {
            poll = new Poll(ctx.args().get(QUESTION), ctx.args().get(OPTIONS));
        } catch (IllegalArgumentException e) {
            throw new CommandException("That poll cannot be made: " + e.getMessage() + ".");
        }
        if (context.storage().get(key(ctx.chat().id())).isPresent()) {
            throw new CommandException("A poll is already open here; an admin closes it with " + ctx.prefix() + "poll close.");
        }
        String id = ctx.reply(OutgoingMessage.poll(poll)).toCompletableFuture().join();
        OpenPoll open = new OpenPoll(id, poll.question(), poll.options(),
                openFor.map(d -> context.clock().instant().plus(d)), List.of(), ctx.account());
        context.storage().putRecord(key(ctx.chat().id()), open);
        closeOnTime(ctx.chat().id(), open);
    }

    private void closeOnTime(ChatId chat, OpenPoll poll) {
        poll.closesAt().ifPresent(at -> context.scheduler().schedule(
                Duration.between(context.clock().instant(), at).isNegative() ? Duration.ZERO
                        : Duration.between(context.clock().instant(), at),
                () -> context.storage().getRecord(key(chat), OpenPoll.class).filter(p -> p.id().equals(poll.id()))
                        .ifPresent(p -> close(chat))));
    }

    private void close(ChatId chat) {
        OpenPoll poll = open(chat);
        context.storage().delete(key(chat));
        // Closed on time by a timer, which belongs to no account: through the one the poll was opened through.
        (poll.account() == null ? context.messenger() : context.messenger(poll.account()))
                .send(chat, "Poll closed.\n" + poll.results());
    }

    private OpenPoll open(ChatId chat) {
        return context.storage().getRecord(key(chat), OpenPoll.class)
                .orElseThrow(() -> new CommandException("No poll is open here."));
    }

    static String key(ChatId chat) {
        return "poll:" + chat.value();
    }
}
