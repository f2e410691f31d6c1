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
    static final Argument<QuotedMessage> QUOTE = Argument.quoted("quote", "the replied-to message");

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
}
