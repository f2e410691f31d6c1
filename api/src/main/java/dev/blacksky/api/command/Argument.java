package dev.blacksky.api.command;

import dev.blacksky.api.internal.ArgumentInternals;
import dev.blacksky.api.internal.ArgumentInternals.Kind;
import dev.blacksky.api.internal.Tokenizer;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.UserId;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed command argument. Declare it once as a constant, list it in the {@link CommandSpec}, and read
 * its value from {@link Arguments} with the same constant.
 *
 * <pre>{@code
 * static final Argument<UserId> WHO = Argument.user("who", "the member to warn");
 * static final Argument<Duration> FOR = Argument.duration("for", "how long, e.g. 10m or 1h30m").optional();
 * static final Argument<String> REASON = Argument.rest("reason", "why").optional();
 * ...
 * UserId who = ctx.args().get(WHO);
 * Duration length = ctx.args().find(FOR).orElse(Duration.ofHours(1));
 * }</pre>
 *
 * <p>Tokens are separated by spaces; double quotes group words ({@code "two words"}), typographic ones
 * too ({@code “two words”}, as phones type them). A {@link #rest} argument takes the remainder of the line
 * as typed and a {@link #list} every remaining token; either comes last. A {@link #repliedTo} argument takes
 * no token: its value is the message the user replied to. An optional argument that does not parse is
 * skipped, and its token goes to the next argument: {@code !poll [10m] "Question?" a b} works with or
 * without the duration.
 *
 * <pre>{@code
 * static final Argument<Long> SIDES = Argument.integer("sides", "how many sides", 2, 100).withDefault(6L);
 * static final Argument<String> MODE = Argument.choice("mode", "how to sort", "new", "top");
 * static final Argument<List<String>> OPTIONS = Argument.list("options", "the choices", Argument.word("option", "a choice"));
 * }</pre>
 *
 * @param <T> the type of the parsed value
 */
public final class Argument<T> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern COMPACT_DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");


    /**
     * Turns one token into a value.
     *
     * @param <T> the value's type
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * Parses a token.
         *
         * @param token the token, without surrounding quotes
         * @param message the message being parsed, for parsers that need context such as mentions
         * @return the value
         * @throws ArgumentException when the token is not a valid value; its message is shown to the user
         */
        T parse(String token, Message message);
    }

    private final String name;
    private final String description;
    private final Kind kind;
    private final boolean optional;
    private final Parser<T> parser;
    private final T defaultValue;

    static {
        ArgumentInternals.install(new ArgumentInternals.Bridge() {
            @Override
            public Kind kind(Argument<?> argument) {
                return argument.kind;
            }

            @Override
            public <V> V parse(Argument<V> argument, String token, Message message) {
                return argument.parse(token, message);
            }
        });
    }

    private Argument(String name, String description, Kind kind, boolean optional, Parser<T> parser) {
        this(name, description, kind, optional, parser, null);
    }

    private Argument(String name, String description, Kind kind, boolean optional, Parser<T> parser, T defaultValue) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "argument name '" + name + "' must be lower-case letters, digits and '-', starting with a letter");
        }
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.optional = optional;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.defaultValue = defaultValue;
    }

    /**
     * One word, as typed.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @return the argument
     */
    public static Argument<String> word(String name, String description) {
        return new Argument<>(name, description, Kind.TOKEN, false, (token, message) -> token);
    }

    /**
     * The rest of the line, as typed (at least one character unless optional). Must be the last argument.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @return the argument
     */
    public static Argument<String> rest(String name, String description) {
        return new Argument<>(name, description, Kind.REST, false, (token, message) -> token);
    }

    /**
     * A whole number such as {@code 42} or {@code -7}.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @return the argument
     */
    public static Argument<Long> integer(String name, String description) {
        return new Argument<>(name, description, Kind.TOKEN, false, (token, message) -> {
            try {
                return Long.parseLong(token);
            } catch (NumberFormatException e) {
                boolean digits = token.matches("[+-]?\\d+");
                throw new ArgumentException("'" + token + "' is " + (digits ? "too large a number" : "not a whole number"));
            }
        });
    }

    /**
     * A whole number within bounds.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the argument
     */
    public static Argument<Long> integer(String name, String description, long min, long max) {
        Argument<Long> any = integer(name, description);
        return new Argument<>(name, description, Kind.TOKEN, false, (token, message) -> {
            long value = any.parse(token, message);
            if (value < min || value > max) {
                throw new ArgumentException(name + " must be from " + min + " to " + max + ", not " + value);
            }
            return value;
        });
    }

    /**
     * One of a few words, in any letter case; the value is the word as declared.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @param choices the words allowed
     * @return the argument
     */
    public static Argument<String> choice(String name, String description, String... choices) {
        List<String> allowed = List.of(choices);
        return new Argument<>(name, description, Kind.TOKEN, false, (token, message) -> allowed.stream()
                .filter(choice -> choice.equalsIgnoreCase(token)).findFirst()
                .orElseThrow(() -> new ArgumentException("'" + token + "' is not one of " + String.join(", ", allowed))));
    }

    /**
     * One of an enum's constants, typed in any letter case, with {@code -} for {@code _}.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @param type the enum
     * @param <E> the enum's type
     * @return the argument
     */
    public static <E extends Enum<E>> Argument<E> choice(String name, String description, Class<E> type) {
        List<String> words = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        return new Argument<>(name, description, Kind.TOKEN, false, (token, message) -> {
            int index = words.indexOf(token.toLowerCase(Locale.ROOT).replace('_', '-'));
            if (index < 0) {
                throw new ArgumentException("'" + token + "' is not one of " + String.join(", ", words));
            }
            return type.getEnumConstants()[index];
        });
    }

    /**
     * Every remaining token, each parsed as {@code element} (at least one unless optional). Must be last.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @param element how each token is read
     * @param <T> the elements' type
     * @return the argument
     */
    public static <T> Argument<List<T>> list(String name, String description, Argument<T> element) {
        return new Argument<>(name, description, Kind.LIST, false, (rest, message) -> {
            List<T> values = new ArrayList<>();
            for (String token : new Tokenizer(rest).words()) {
                values.add(element.parse(token, message));
            }
            return List.copyOf(values);
        });
    }

    /**
     * A duration longer than zero: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d}, or ISO-8601 such as
     * {@code PT15M}.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @return the argument
     */
    public static Argument<Duration> duration(String name, String description) {
        return new Argument<>(name, description, Kind.TOKEN, false, (token, message) -> parseDuration(token));
    }

    /**
     * A user, given as a mention ({@code @391234567890}) or a phone number ({@code +39 123} written without
     * spaces, {@code +391234567890}). The value holds the number's digits. Where users are named rather
     * than numbered (the console, the testkit), a name such as {@code bob} or {@code @bob} is a user too.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @return the argument
     */
    public static Argument<UserId> user(String name, String description) {
        return new Argument<>(name, description, Kind.TOKEN, false, (token, message) -> parseUser(token, message));
    }

    /**
     * The message the user replied to. Consumes no token; missing when the command was not sent as a reply.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @return the argument
     */
    public static Argument<QuotedMessage> repliedTo(String name, String description) {
        return new Argument<>(name, description, Kind.REPLIED_TO, false, (token, message) -> message.quoted()
                .orElseThrow(() -> new ArgumentException("reply to a message to use this command")));
    }

    /**
     * A token parsed by your own parser.
     *
     * @param name the argument's name, shown in usage
     * @param description what it means, shown in help
     * @param parser turns the token into a value, or throws {@link ArgumentException}
     * @param <T> the value's type
     * @return the argument
     */
    public static <T> Argument<T> custom(String name, String description, Parser<T> parser) {
        return new Argument<>(name, description, Kind.TOKEN, false, parser);
    }

    /**
     * Returns a copy of this argument that may be left out. Optional arguments must follow required ones.
     * Values are looked up by name, so {@code args.find(X)} works whether the spec lists {@code X} or
     * {@code X.optional()}.
     *
     * @return the optional copy
     */
    public Argument<T> optional() {
        return new Argument<>(name, description, kind, true, parser, defaultValue);
    }

    /**
     * Returns an optional copy of this argument whose value is {@code value} when it is left out, so
     * {@code args.get(X)} never fails for it.
     *
     * @param value the default
     * @return the copy
     */
    public Argument<T> withDefault(T value) {
        return new Argument<>(name, description, kind, true, parser, Objects.requireNonNull(value, "value"));
    }

    /**
     * Returns the value used when the argument is left out.
     *
     * @return the default, if one was given
     */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Returns the argument's name.
     *
     * @return the name, shown in usage as {@code <name>} or {@code [name]}
     */
    public String name() {
        return name;
    }

    /**
     * Returns what the argument means.
     *
     * @return the description, shown by {@code help <command>}
     */
    public String description() {
        return description;
    }

    Kind kind() {
        return kind;
    }

    /**
     * Tells whether the argument may be left out.
     *
     * @return true if optional
     */
    public boolean isOptional() {
        return optional;
    }

    // The host parses through ArgumentInternals; plugins call a parser only through the host.
    T parse(String token, Message message) {
        return parser.parse(token, message);
    }

    /**
     * Renders the argument for a usage line: {@code <name>}, {@code [name]}, {@code <name...>}.
     *
     * @return the usage fragment
     */
    public String usage() {
        String inner = kind == Kind.REST || kind == Kind.LIST ? name + "..." : name;
        return optional ? "[" + inner + "]" : "<" + inner + ">";
    }

    // Only positive durations: "in minus five minutes" is a typing error, not a wish to act now.
    static Duration parseDuration(String token) {
        Duration duration = parseAnyDuration(token);
        if (duration.isNegative() || duration.isZero()) {
            throw new ArgumentException("'" + token + "' is not a duration longer than zero");
        }
        return duration;
    }

    private static Duration parseAnyDuration(String token) {
        String text = token.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("pt") || text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ArgumentException("'" + token + "' is " + (e.getCause() instanceof ArithmeticException
                        ? "too long a duration" : "not a duration such as 90s, 10m or 1h30m"));
            }
        }
        Matcher matcher = COMPACT_DURATION.matcher(text);
        if (text.isEmpty() || !matcher.matches()) {
            throw new ArgumentException("'" + token + "' is not a duration such as 90s, 10m or 1h30m");
        }
        try {
            Duration total = Duration.ZERO;
            total = total.plusDays(group(matcher, 1));
            total = total.plusHours(group(matcher, 2));
            total = total.plusMinutes(group(matcher, 3));
            total = total.plusSeconds(group(matcher, 4));
            return total;
        } catch (ArithmeticException | NumberFormatException e) { // 99999999999999999999d does not fit a long
            throw new ArgumentException("'" + token + "' is too long a duration");
        }
    }

    private static long group(Matcher matcher, int index) {
        String value = matcher.group(index);
        return value == null ? 0 : Long.parseLong(value);
    }

    static UserId parseUser(String token, Message message) {
        UserId user = UserId.parse(token);
        if (numbered(user)) {
            return user;
        }
        String name = token.startsWith("@") ? token.substring(1) : token;
        if (message == null || numbered(message.sender().id()) || !USER_NAME.matcher(name).matches()) {
            throw new ArgumentException("'" + token + "' is not a mention or a phone number");
        }
        return UserId.of(name);
    }

    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\d][\\p{L}\\d._-]*");

    // WhatsApp's users have a phone number or a LID; local transports name theirs.
    private static boolean numbered(UserId user) {
        String value = user.value();
        boolean lid = value.endsWith("@lid") && value.length() > 4;
        return lid || value.length() >= 5 && value.length() <= 20 && value.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return usage();
    }
}
