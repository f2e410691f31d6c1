package dev.blacksky.api.command;

import dev.blacksky.api.internal.ArgumentInternals;
import dev.blacksky.api.internal.ArgumentInternals.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declaration of a {@link Command}: everything the host needs to route, check, throttle and document
 * it. Built with {@link #named(String)} and validated by {@link Builder#build()}.
 *
 * <pre>{@code
 * CommandSpec.named("remind")
 *         .alias("rm")
 *         .description("Reminds you of something later")
 *         .category("Productivity")
 *         .argument(IN)                     // Argument<Duration>
 *         .argument(TEXT)                   // Argument<String>, rest of line
 *         .example("remind 10m stretch your legs")
 *         .scope(ChatScope.ANY)
 *         .access(Access.EVERYONE)
 *         .cooldown(Cooldown.perUser(Duration.ofSeconds(5)))
 *         .timeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * <p>Names and aliases are lower case; users may type them in any case. Without {@link Builder#usage}, the
 * usage line is generated from the arguments ({@code remind <in> <text...>}).
 */
public final class CommandSpec {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final String name;
    private final List<String> aliases;
    private final String description;
    private final String usage;
    private final List<String> examples;
    private final String category;
    private final List<Argument<?>> arguments;
    private final Access access;
    private final ChatScope scope;
    private final Cooldown cooldown;
    private final Duration timeout;
    private final List<Command> subcommands;

    private CommandSpec(Builder b) {
        this.name = b.name;
        this.aliases = List.copyOf(b.aliases);
        this.description = b.description;
        this.examples = List.copyOf(b.examples);
        this.category = b.category;
        this.arguments = List.copyOf(b.arguments);
        this.access = b.access;
        this.scope = b.scope;
        this.cooldown = b.cooldown;
        this.timeout = b.timeout;
        this.subcommands = List.copyOf(b.subcommands);
        this.usage = b.usage != null ? b.usage : !subcommands.isEmpty()
                ? b.name + " " + String.join("|", subcommands.stream().map(c -> c.spec().name()).toList())
                : generatedUsage(b.name, b.arguments);
    }

    /**
     * Starts a declaration.
     *
     * @param name the command's name: lower-case letters, digits, '-' and '_', at most 32 characters
     * @return a builder
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** @return the command's name, as users type it after the prefix */
    public String name() {
        return name;
    }

    /** @return other names that run the same command */
    public List<String> aliases() {
        return aliases;
    }

    /** @return the one-line description shown in {@code help} */
    public String description() {
        return description;
    }

    /**
     * Returns the sub-commands: {@code !poll create}, {@code !poll results}, each with its own arguments,
     * access, scope, cooldown and help entry.
     *
     * @return the sub-commands, in declaration order; empty for a plain command
     */
    public List<Command> subcommands() {
        return subcommands;
    }

    /** @return the usage line, without prefix, such as {@code remind <in> <text...>} or {@code poll create|close} */
    public String usage() {
        return usage;
    }

    /** @return example invocations, without prefix */
    public List<String> examples() {
        return examples;
    }

    /** @return the category {@code help} groups the command under */
    public String category() {
        return category;
    }

    /** @return the declared arguments, in order */
    public List<Argument<?>> arguments() {
        return arguments;
    }

    /** @return who may run the command */
    public Access access() {
        return access;
    }

    /** @return where the command may be used */
    public ChatScope scope() {
        return scope;
    }

    /** @return the cooldown, if any */
    public Optional<Cooldown> cooldown() {
        return Optional.ofNullable(cooldown);
    }

    /** @return the per-call timeout, if the command overrides the host's default */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    private static String generatedUsage(String name, List<Argument<?>> arguments) {
        StringBuilder usage = new StringBuilder(name);
        for (Argument<?> argument : arguments) {
            usage.append(' ').append(argument.usage());
        }
        return usage.toString();
    }

    @Override
    public String toString() {
        return "CommandSpec[" + usage + "]";
    }

    /** Builds a {@link CommandSpec}; {@link #build()} validates it. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Set<String> aliases = new LinkedHashSet<>();
        private String description;
        private String usage;
        private final List<String> examples = new ArrayList<>();
        private String category = "General";
        private final List<Argument<?>> arguments = new ArrayList<>();
        private final List<Command> subcommands = new ArrayList<>();
        private Access access = Access.EVERYONE;
        private ChatScope scope = ChatScope.ANY;
        private Cooldown cooldown;
        private Duration timeout;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds an alias.
         *
         * @param alias another name for the command, with the same rules as the name
         * @return this builder
         */
        public Builder alias(String alias) {
            aliases.add(Objects.requireNonNull(alias, "alias"));
            return this;
        }

        /**
         * Sets the one-line description (required).
         *
         * @param description what the command does
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Replaces the generated usage line.
         *
         * @param usage the usage, without prefix, starting with the command name
         * @return this builder
         */
        public Builder usage(String usage) {
            this.usage = usage;
            return this;
        }

        /**
         * Adds an example invocation, without prefix.
         *
         * @param example for instance {@code "echo hello"}
         * @return this builder
         */
        public Builder example(String example) {
            examples.add(Objects.requireNonNull(example, "example"));
            return this;
        }

        /**
         * Sets the help category (default {@code "General"}).
         *
         * @param category the category's name
         * @return this builder
         */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /**
         * Appends an argument. A rest-of-line or list argument comes last; an optional one may come anywhere
         * (skipped when its word does not parse).
         *
         * @param argument the argument
         * @return this builder
         */
        public Builder argument(Argument<?> argument) {
            arguments.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        /**
         * Sets who may run the command (default {@link Access#EVERYONE}).
         *
         * @param access the access level
         * @return this builder
         */
        public Builder access(Access access) {
            this.access = access;
            return this;
        }

        /**
         * Sets where the command may be used (default {@link ChatScope#ANY}).
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(ChatScope scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Sets a cooldown (default none).
         *
         * @param cooldown the cooldown
         * @return this builder
         */
        public Builder cooldown(Cooldown cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /**
         * Overrides the host's default per-call timeout ({@code blacksky.dispatch.command-timeout}).
         *
         * @param timeout how long a call may run before it is cancelled, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Adds a sub-command, chosen by the word after the command's name. A command with sub-commands takes
         * no arguments of its own, and its own {@code execute} is never called: {@code !poll} alone, or with
         * an unknown word, is answered with the list of its sub-commands.
         *
         * <pre>{@code
         * CommandSpec.named("poll").description("Group polls")
         *         .subcommand(Command.of(CommandSpec.named("create").description("Starts a poll")
         *                 .argument(QUESTION).argument(OPTIONS).build(), this::create))
         *         .subcommand(Command.of(CommandSpec.named("close").description("Closes it")
         *                 .access(Access.GROUP_ADMINS).build(), this::close))
         *         .build();
         * }</pre>
         *
         * @param subcommand the sub-command; its spec's name is the word that selects it
         * @return this builder
         */
        public Builder subcommand(Command subcommand) {
            subcommands.add(Objects.requireNonNull(subcommand, "subcommand"));
            return this;
        }

        /**
         * Validates and builds the declaration.
         *
         * @return the declaration
         * @throws IllegalArgumentException naming the command and the problem, if anything is invalid
         */
        public CommandSpec build() {
            check(NAME.matcher(name).matches(), "name '" + name
                    + "' must be 1-32 lower-case letters, digits, '-' or '_', starting with a letter or digit");
            for (String alias : aliases) {
                check(NAME.matcher(alias).matches(), "alias '" + alias + "' has the same rules as a name");
                check(!alias.equals(name), "alias '" + alias + "' repeats the command name");
            }
            check(description != null && !description.isBlank(), "a description is required");
            check(category != null && !category.isBlank(), "the category cannot be blank");
            check(access != null, "access cannot be null");
            check(scope != null, "scope cannot be null");
            check(usage == null || !usage.isBlank(), "the usage cannot be blank");
            check(timeout == null || (!timeout.isNegative() && !timeout.isZero()), "the timeout must be positive");
            checkArguments();
            check(subcommands.isEmpty() || arguments.isEmpty(), "a command with sub-commands takes no arguments of its own");
            Set<String> subNames = new HashSet<>();
            for (Command sub : subcommands) {
                CommandSpec subSpec = sub.spec();
                check(subSpec.subcommands().isEmpty(), "sub-command '" + subSpec.name() + "' cannot have sub-commands");
                for (String word : java.util.stream.Stream.concat(java.util.stream.Stream.of(subSpec.name()),
                        subSpec.aliases().stream()).toList()) {
                    check(subNames.add(word), "sub-command name or alias '" + word + "' is declared twice");
                }
            }
            return new CommandSpec(this);
        }

        private void checkArguments() {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < arguments.size(); i++) {
                Argument<?> argument = arguments.get(i);
                check(names.add(argument.name()), "argument '" + argument.name() + "' is declared twice");
                if (ArgumentInternals.kind(argument) == Kind.REST || ArgumentInternals.kind(argument) == Kind.LIST) {
                    check(i == arguments.size() - 1, "argument '" + argument.name() + "' takes the rest of the line and must be last");
                }
            }
        }

        private void check(boolean condition, String problem) {
            if (!condition) {
                throw new IllegalArgumentException("command '" + name + "': " + problem);
            }
        }
    }
}
