package dev.blacksky.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ArgumentException;
import dev.blacksky.api.command.Arguments;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentBinderTest {

    static final Argument<String> WORD = Argument.word("word", "a word");
    static final Argument<Long> COUNT = Argument.integer("count", "how many");
    static final Argument<Duration> IN = Argument.duration("in", "when");
    static final Argument<UserId> WHO = Argument.user("who", "a user");
    static final Argument<String> TEXT = Argument.rest("text", "the rest");
    static final Argument<QuotedMessage> QUOTE = Argument.repliedTo("quote", "the replied-to message");

    private static final Message PLAIN = Message.text("1", new Chat(ChatId.of("c"), ChatType.PRIVATE, ""),
            new User(UserId.of("u"), "u"), "", Instant.EPOCH);

    private static Arguments bind(CommandSpec.Builder spec, String raw) {
        return ArgumentBinder.bind(spec.description("d").build(), raw, PLAIN);
    }

    @Test
    void command_line_splits_prefix_word_and_rest_after_one_space() {
        assertThat(CommandLine.parse("!cmd0 hello 0", List.of("!", "/"))).isEqualTo(new CommandLine("!", "cmd0", "hello 0"));
        assertThat(CommandLine.parse("/ping", List.of("!", "/"))).isEqualTo(new CommandLine("/", "ping", ""));
        assertThat(CommandLine.parse("! ping", List.of("!"))).isNull();
        assertThat(CommandLine.parse("just chatting", List.of("!"))).isNull();
        assertThat(CommandLine.parse("!", List.of("!"))).isNull();
    }

    @Test
    void typed_tokens_quotes_and_rest_of_line_as_typed() {
        Arguments args = bind(CommandSpec.named("x").argument(WORD).argument(COUNT).argument(TEXT),
                "\"two words\" 42   keep   my  spacing ");
        assertThat(args.get(WORD)).isEqualTo("two words");
        assertThat(args.get(COUNT)).isEqualTo(42L);
        assertThat(args.get(TEXT)).isEqualTo("keep   my  spacing");
    }

    @Test
    void durations_users_and_optional_arguments() {
        Arguments args = bind(CommandSpec.named("x").argument(IN).argument(WHO).argument(TEXT.optional()), "1h30m @391234567890");
        assertThat(args.get(IN)).isEqualTo(Duration.ofMinutes(90));
        assertThat(args.get(WHO)).isEqualTo(UserId.of("391234567890"));
        assertThat(args.find(TEXT)).isEmpty();
        assertThat(bind(CommandSpec.named("x").argument(IN), "PT15M").get(IN)).isEqualTo(Duration.ofMinutes(15));
        assertThat(bind(CommandSpec.named("x").argument(WHO), "+39-123-4567").get(WHO)).isEqualTo(UserId.of("391234567"));
    }

    @Test
    void errors_explain_what_is_wrong() {
        CommandSpec.Builder two = CommandSpec.named("x").argument(WORD).argument(COUNT);
        assertThatThrownBy(() -> bind(two, "a")).isInstanceOf(ArgumentException.class).hasMessage("missing <count>");
        assertThatThrownBy(() -> bind(CommandSpec.named("x").argument(WORD).argument(COUNT), "a b"))
                .hasMessage("'b' is not a whole number");
        assertThatThrownBy(() -> bind(CommandSpec.named("x").argument(WORD), "a b")).hasMessage("too many arguments: 'b'");
        assertThatThrownBy(() -> bind(CommandSpec.named("x").argument(WORD), "\"open")).hasMessageContaining("quote is not closed");
        assertThatThrownBy(() -> bind(CommandSpec.named("x").argument(IN), "soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> bind(CommandSpec.named("x").argument(WHO), "#bob")).hasMessageContaining("not a mention");
        // Where users have names (the console), a name is a user; on WhatsApp only numbers and mentions are.
        assertThat(bind(CommandSpec.named("x").argument(WHO), "@bob").get(WHO)).isEqualTo(UserId.of("bob"));
        assertThatThrownBy(() -> bind(CommandSpec.named("x").argument(QUOTE), "")).hasMessageContaining("reply to a message");
    }

    @Test
    void quoted_message_argument_reads_the_reply() {
        QuotedMessage quoted = new QuotedMessage("q1", UserId.of("u2"), "original");
        Message reply = new Message("2", PLAIN.chat(), PLAIN.sender(), "!x", Instant.EPOCH, Optional.of(quoted), List.of());
        Arguments args = ArgumentBinder.bind(CommandSpec.named("x").description("d").argument(QUOTE).build(), "", reply);
        assertThat(args.get(QUOTE)).isEqualTo(quoted);
    }

    @Test
    void undeclared_argument_is_a_programming_error() {
        Arguments args = bind(CommandSpec.named("x"), "anything");
        assertThat(args.raw()).isEqualTo("anything");
        assertThatThrownBy(() -> args.find(WORD)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not declared");
    }

    enum Color { RED, DARK_BLUE }

    @Test
    void a_poll_line_binds_without_a_tokenizer_of_its_own_with_or_without_its_optional_duration() {
        Argument<java.time.Duration> in = Argument.duration("in", "when it closes").optional();
        Argument<String> question = Argument.word("question", "what to ask");
        Argument<List<String>> options = Argument.list("options", "the answers", Argument.word("option", "an answer"));
        CommandSpec.Builder poll = CommandSpec.named("poll").argument(in).argument(question).argument(options);
        Arguments timed = bind(poll, "10m \"Lunch?\" pizza sushi \"green salad\"");
        assertThat(timed.find(in)).hasValue(java.time.Duration.ofMinutes(10));
        assertThat(timed.get(question)).isEqualTo("Lunch?");
        assertThat(timed.get(options)).containsExactly("pizza", "sushi", "green salad");
        Arguments untimed = bind(poll, "“Lunch now?” pizza sushi"); // the quotes a phone types
        assertThat(untimed.find(in)).isEmpty();
        assertThat(untimed.get(question)).isEqualTo("Lunch now?");
        assertThat(untimed.get(options)).containsExactly("pizza", "sushi");
        assertThatThrownBy(() -> bind(poll, "10m Lunch?")).hasMessageContaining("missing <options...>");
    }

    @Test
    void choices_enums_ranges_and_defaults() {
        Argument<String> mode = Argument.choice("mode", "how to sort", "new", "top");
        Argument<Color> color = Argument.choice("color", "a color", Color.class);
        Argument<Long> sides = Argument.integer("sides", "how many sides", 2, 100).withDefault(6L);
        CommandSpec.Builder spec = CommandSpec.named("x").argument(mode).argument(color).argument(sides);
        Arguments bound = bind(spec, "TOP dark-blue");
        assertThat(bound.get(mode)).isEqualTo("top");
        assertThat(bound.get(color)).isEqualTo(Color.DARK_BLUE);
        assertThat(bound.get(sides)).as("the default").isEqualTo(6L);
        assertThat(bind(spec, "new red 20").get(sides)).isEqualTo(20L);
        assertThatThrownBy(() -> bind(spec, "old red")).hasMessage("'old' is not one of new, top");
        assertThatThrownBy(() -> bind(spec, "new green")).hasMessage("'green' is not one of red, dark-blue");
        assertThatThrownBy(() -> bind(spec, "new red 101")).hasMessage("sides must be from 2 to 100, not 101");
    }
}
