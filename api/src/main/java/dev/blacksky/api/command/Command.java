package dev.blacksky.api.command;

import org.pf4j.ExtensionPoint;

/**
 * A chat command, contributed by a plugin as a PF4J extension.
 *
 * <pre>{@code
 * @Extension
 * public final class Echo implements Command {
 *     private static final Argument<String> TEXT = Argument.rest("text", "what to repeat");
 *
 *     @Override
 *     public CommandSpec spec() {
 *         return CommandSpec.named("echo")
 *                 .description("Repeats what you say")
 *                 .argument(TEXT)
 *                 .example("echo hello world")
 *                 .build();
 *     }
 *
 *     @Override
 *     public void execute(CommandContext ctx) {
 *         ctx.reply(ctx.args().get(TEXT));
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #spec()} is read once, when the plugin loads. {@link #execute} runs on a host thread for each
 * invocation, possibly concurrently for different chats; it may block, within the command's timeout. An
 * exception it throws is logged with the plugin id and answered with a short apology, except
 * {@link CommandException}, whose message is shown to the user as it is.
 */
public interface Command extends ExtensionPoint {

    /**
     * Declares the command: name, aliases, arguments, access, scope, cooldown and help texts.
     *
     * @return the declaration; the host reads it once, at load
     */
    CommandSpec spec();

    /**
     * Runs the command for one message whose arguments already parsed.
     *
     * @param ctx the invocation: message, parsed arguments, and ways to answer
     * @throws Exception on failure; the host contains it and apologises to the user
     */
    void execute(CommandContext ctx) throws Exception;

    /**
     * Makes a command from a spec and a lambda, for {@link CommandProvider}s and tests.
     *
     * <pre>{@code
     * Command ping = Command.of(CommandSpec.named("ping").description("Answers pong").build(),
     *         ctx -> ctx.reply("pong"));
     * }</pre>
     *
     * @param spec the declaration
     * @param handler what the command does
     * @return the command
     */
    static Command of(CommandSpec spec, Handler handler) {
        java.util.Objects.requireNonNull(spec, "spec");
        java.util.Objects.requireNonNull(handler, "handler");
        return new Command() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void execute(CommandContext ctx) throws Exception {
                handler.execute(ctx);
            }

            @Override
            public String toString() {
                return "Command[" + spec.name() + "]";
            }
        };
    }

    /**
     * The body of a command made with {@link Command#of}.
     *
     * <pre>{@code
     * Command.Handler shout = ctx -> ctx.reply(ctx.args().raw().toUpperCase());
     * }</pre>
     */
    @FunctionalInterface
    interface Handler {
        /**
         * Runs the command.
         *
         * @param ctx the invocation
         * @throws Exception on failure; the host contains it
         */
        void execute(CommandContext ctx) throws Exception;
    }
}
