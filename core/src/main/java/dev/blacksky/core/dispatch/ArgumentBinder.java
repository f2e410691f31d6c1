package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.ArgumentException;
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

    static Arguments bind(CommandSpec spec, String raw, Message message) {
        List<Argument<?>> declared = spec.arguments();
        if (declared.isEmpty()) {
            return new Bound(Map.of(), Map.of(), raw);
        }
        Tokenizer tokens = new Tokenizer(raw);
        Map<String, Object> values = new HashMap<>();
        Map<String, Argument<?>> byName = new HashMap<>();
        for (Argument<?> argument : declared) {
            byName.put(argument.name(), argument);
            switch (argument.kind()) {
                case QUOTED -> {
                    if (message.quoted().isPresent() || !argument.isOptional()) {
                        values.put(argument.name(), argument.parse("", message));
                    }
                }
                case REST -> {
                    String rest = tokens.takeRemainder();
                    if (!rest.isEmpty()) {
                        values.put(argument.name(), argument.parse(rest, message));
                    } else if (!argument.isOptional()) {
                        throw new ArgumentException("missing " + argument.usage());
                    }
                }
                case TOKEN -> {
                    String token = tokens.next();
                    if (token != null) {
                        values.put(argument.name(), argument.parse(token, message));
                    } else if (!argument.isOptional()) {
                        throw new ArgumentException("missing " + argument.usage());
                    }
                }
            }
        }
        if (!tokens.remainder().isEmpty()) {
            throw new ArgumentException("too many arguments: '" + tokens.remainder() + "'");
        }
        return new Bound(values, byName, raw);
    }

    private record Bound(Map<String, Object> values, Map<String, Argument<?>> declared, String raw) implements Arguments {

        @Override
        public <T> T get(Argument<T> argument) {
            return find(argument).orElseThrow(() -> new IllegalArgumentException(
                    "argument '" + argument.name() + "' is absent; use find() for optional arguments"));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> find(Argument<T> argument) {
            if (!declared.containsKey(argument.name())) {
                throw new IllegalArgumentException("argument '" + argument.name() + "' is not declared by this command");
            }
            return Optional.ofNullable((T) values.get(argument.name()));
        }
    }

    /** Splits on whitespace; double quotes group words, backslash escapes a quote inside them. */
    private static final class Tokenizer {
        private final String text;
        private int position;

        Tokenizer(String text) {
            this.text = text;
        }

        String next() {
            skipWhitespace();
            if (position >= text.length()) {
                return null;
            }
            StringBuilder token = new StringBuilder();
            if (text.charAt(position) == '"') {
                position++;
                while (position < text.length() && text.charAt(position) != '"') {
                    char c = text.charAt(position++);
                    if (c == '\\' && position < text.length() && text.charAt(position) == '"') {
                        c = text.charAt(position++);
                    }
                    token.append(c);
                }
                if (position >= text.length()) {
                    throw new ArgumentException("a quote is not closed: " + text);
                }
                position++; // closing quote
                return token.toString();
            }
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
                token.append(text.charAt(position++));
            }
            return token.toString();
        }

        String remainder() {
            skipWhitespace();
            return text.substring(position).stripTrailing();
        }

        String takeRemainder() {
            String rest = remainder();
            position = text.length();
            return rest;
        }

        private void skipWhitespace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }
}
