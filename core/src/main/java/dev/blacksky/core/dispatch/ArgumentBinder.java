package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ArgumentException;
import dev.blacksky.api.internal.ArgumentInternals;
import dev.blacksky.api.internal.Tokenizer;
import dev.blacksky.api.command.Arguments;
import dev.blacksky.api.command.CommandSpec;
import dev.blacksky.api.message.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds the raw text after a command word to the spec's typed arguments, or explains what is wrong. */
final class ArgumentBinder {

    private ArgumentBinder() {
    }

    /** A spec's arguments with their positions by name, computed once when the command registers. */
    record Plan(CommandSpec spec, List<Argument<?>> declared, Map<String, Integer> positions, boolean restOnly) {
        static Plan of(CommandSpec spec) {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < spec.arguments().size(); i++) {
                positions.put(spec.arguments().get(i).name(), i);
            }
            boolean restOnly = spec.arguments().size() == 1 && ArgumentInternals.kind(spec.arguments().get(0)) == ArgumentInternals.Kind.REST;
            return new Plan(spec, spec.arguments(), Map.copyOf(positions), restOnly);
        }
    }

    static Arguments bind(CommandSpec spec, String raw, Message message) {
        return bind(Plan.of(spec), raw, message);
    }

    static Arguments bind(Plan plan, String raw, Message message) {
        List<Argument<?>> declared = plan.declared();
        Object[] values = new Object[declared.size()];
        if (declared.isEmpty()) {
            return new Bound(values, plan, raw);
        }
        if (plan.restOnly()) { // "everything after the command", the commonest shape: no tokenizing
            return bindRest(plan, declared.get(0), raw, values, message);
        }
        Tokenizer tokens = new Tokenizer(raw);
        for (int i = 0; i < values.length; i++) {
            Argument<?> argument = declared.get(i);
            switch (ArgumentInternals.kind(argument)) {
                case REPLIED_TO -> {
                    if (message.quoted().isPresent() || !argument.isOptional()) {
                        values[i] = parse(argument, "", message);
                    }
                }
                case REST, LIST -> {
                    String rest = tokens.takeRemainder();
                    if (!rest.isEmpty()) {
                        values[i] = parse(argument, rest, message);
                    } else if (!argument.isOptional()) {
                        throw new ArgumentException("missing " + argument.usage());
                    }
                }
                case TOKEN -> {
                    int before = tokens.position();
                    String token = tokens.next();
                    if (token != null) {
                        try {
                            values[i] = parse(argument, token, message);
                        } catch (ArgumentException e) {
                            // An optional argument that does not fit leaves its word to the next one.
                            if (!argument.isOptional() || i == values.length - 1) {
                                throw e;
                            }
                            tokens.rewind(before);
                        }
                    } else if (!argument.isOptional()) {
                        throw new ArgumentException("missing " + argument.usage());
                    }
                }
            }
        }
        if (!tokens.remainder().isEmpty()) {
            throw new ArgumentException("too many arguments: '" + tokens.remainder() + "'");
        }
        return new Bound(withDefaults(declared, values), plan, raw);
    }

    // A parser is plugin code: anything but ArgumentException is a fault in the plugin, told apart for the log.
    private static Object parse(Argument<?> argument, String token, Message message) {
        try {
            return ArgumentInternals.parse(argument, token, message);
        } catch (ArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ParserFailedException(argument.name(), token, e);
        }
    }

    private static Arguments bindRest(Plan plan, Argument<?> argument, String raw, Object[] values, Message message) {
        String rest = raw.strip(); // what the tokenizer's remainder would be
        if (!rest.isEmpty()) {
            values[0] = parse(argument, rest, message);
        } else if (!argument.isOptional()) {
            throw new ArgumentException("missing " + argument.usage());
        }
        return new Bound(withDefaults(plan.declared(), values), plan, raw);
    }

    private static Object[] withDefaults(List<Argument<?>> declared, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = declared.get(i).defaultValue().orElse(null);
            }
        }
        return values;
    }

    private record Bound(Object[] values, Plan plan, String raw) implements Arguments {

        @Override
        public <T> T get(Argument<T> argument) {
            return find(argument).orElseThrow(() -> new IllegalArgumentException(
                    "argument '" + argument.name() + "' is absent; use find() for optional arguments"));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> find(Argument<T> argument) {
            Integer position = plan.positions().get(argument.name());
            if (position == null) {
                throw new IllegalArgumentException("argument '" + argument.name() + "' is not declared by this command");
            }
            return Optional.ofNullable((T) values[position]);
        }
    }
}
