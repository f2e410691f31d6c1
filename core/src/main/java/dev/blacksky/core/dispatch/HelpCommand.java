package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Access;
import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ChatScope;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.command.Cooldown;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in {@code help}: lists exactly the commands the asking user may run here, by category, and
 * explains one command in detail. Everything comes from the declarations; nothing is kept by hand.
 */
final class HelpCommand implements Command {

    private static final Argument<String> TOPIC = Argument.rest("command", "the command (and sub-command) to explain").optional();
    private static final CommandSpec SPEC = CommandSpec.named("help")
            .alias("menu")
            .description("Lists the commands you can use, or explains one")
            .argument(TOPIC)
            .example("help")
            .example("help echo")
            .build();

    private final CommandRegistry registry;
    private final java.util.function.BiPredicate<String, String> serves;

    /** {@code serves} tells whether an account (first) runs a plugin's (second) commands: help lists only those. */
    HelpCommand(CommandRegistry registry, java.util.function.BiPredicate<String, String> serves) {
        this.registry = registry;
        this.serves = serves;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Optional<String> topic = ctx.args().find(TOPIC);
        ctx.reply(topic.isPresent() ? explain(ctx, strip(topic.get(), ctx.prefix())) : list(ctx));
    }

    private boolean mayRun(CommandContext ctx, Route route) {
        return serves.test(ctx.account(), route.pluginId())
                && AccessPolicy.mayRun(route.spec(), ctx.senderIsOwner(), ctx.senderIsGroupAdmin(), ctx.chat().type());
    }

    private String list(CommandContext ctx) {
        Set<Route> routes = new LinkedHashSet<>(registry.all());
        Map<String, List<Route>> byCategory = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Route route : routes) {
            if (mayRun(ctx, route)) {
                byCategory.computeIfAbsent(route.spec().category(), c -> new java.util.ArrayList<>()).add(route);
            }
        }
        StringBuilder text = new StringBuilder("Commands you can use here:");
        byCategory.forEach((category, list) -> {
            text.append("\n\n*").append(category).append('*');
            list.stream().sorted(Comparator.comparing(registry::reachableName)).forEach(route -> text.append("\n")
                    .append(ctx.prefix()).append(usage(route)).append(" - ").append(route.spec().description()));
        });
        return text.append("\n\nSend ").append(ctx.prefix()).append("help <command> for details.").toString();
    }

    private String explain(CommandContext ctx, String topic) {
        String[] words = topic.split("\\s+", 2);
        String name = words[0];
        // Out of its scope a command is explained all the same, as calling it says where it works: one truth.
        Optional<Route> found = registry.find(name).filter(route -> serves.test(ctx.account(), route.pluginId())
                && (mayRun(ctx, route) || !AccessPolicy.inScope(route.spec().scope(), ctx.chat().type())));
        if (found.isPresent() && words.length > 1 && !found.get().subroutes().isEmpty()) {
            found = Optional.ofNullable(found.get().subroutes().get(words[1].toLowerCase(Locale.ROOT)));
        }
        if (found.isEmpty()) {
            return "There is no command " + ctx.prefix() + topic + " you can use here. Send " + ctx.prefix()
                    + "help to see the ones you can.";
        }
        Route route = found.get();
        CommandSpec spec = route.spec();
        StringBuilder text = new StringBuilder(ctx.prefix()).append(usage(route)).append('\n').append(spec.description());
        if (!route.subroutes().isEmpty()) {
            text.append("\nSub-commands:");
            new java.util.LinkedHashSet<>(route.subroutes().values()).forEach(sub -> text.append("\n  ").append(ctx.prefix())
                    .append(CommandRunner.usage(sub)).append(" - ").append(sub.spec().description()));
            text.append("\nSend ").append(ctx.prefix()).append("help ").append(spec.name()).append(" <sub-command> for details.");
        }
        if (!spec.aliases().isEmpty()) {
            String parent = route.title().substring(0, route.title().length() - spec.name().length()); // "poll " or ""
            text.append("\nAliases: ").append(String.join(", ", spec.aliases().stream().map(a -> ctx.prefix() + parent + a)
                    .toList()));
        }
        if (!spec.arguments().isEmpty()) {
            text.append("\nArguments:");
            spec.arguments().forEach(a -> text.append("\n  ").append(a.name()).append(!a.isOptional() ? ""
                            : a.defaultValue().map(d -> " (optional, default " + d + ")").orElse(" (optional)"))
                    .append(" - ").append(a.description()));
        }
        if (!spec.examples().isEmpty()) {
            text.append("\nExamples:");
            spec.examples().forEach(e -> text.append("\n  ").append(ctx.prefix()).append(e));
        }
        spec.cooldown().ifPresent(c -> text.append("\nCooldown: ").append(describe(c)));
        if (spec.access() != Access.EVERYONE) {
            text.append("\nWho: ").append(spec.access() == Access.OWNERS ? "the bot's owners" : "group admins and owners");
        }
        if (spec.scope() != ChatScope.ANY) {
            text.append("\nWhere: ").append(spec.scope() == ChatScope.GROUP ? "groups only" : "private chats only");
        }
        return text.toString();
    }

    private String usage(Route route) {
        if (!route.title().equals(route.spec().name())) {
            return CommandRunner.usage(route); // a sub-command: "poll create <question>"
        }
        String reachable = registry.reachableName(route);
        String usage = route.spec().usage();
        return usage.startsWith(route.spec().name()) ? reachable + usage.substring(route.spec().name().length()) : usage;
    }

    private static String describe(Cooldown cooldown) {
        String per = switch (cooldown.scope()) {
            case USER -> "per user";
            case MEMBER -> "per user in each chat";
            case CHAT -> "per chat";
            case GLOBAL -> "for everyone";
        };
        return DurationText.of(cooldown.duration()) + " " + per + (cooldown.kept() ? ", kept across restarts" : "");
    }

    private static String strip(String topic, String prefix) {
        String name = topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
        return name.toLowerCase(Locale.ROOT);
    }
}
