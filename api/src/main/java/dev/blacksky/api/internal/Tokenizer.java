package dev.blacksky.api.internal;

import dev.blacksky.api.command.ArgumentException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a command's words are read, by the host and by list arguments: split on whitespace; double quotes (ASCII
 * or typographic) group words, and a backslash escapes a quote inside them.
 */
public final class Tokenizer {
    private static final String OPENING = "\"“”„«";
    private static final String CLOSING = "\"”“»";
    private final String text;
    private int position;

    public Tokenizer(String text) {
        this.text = text;
    }

    public int position() {
        return position;
    }

    public void rewind(int to) {
        position = to;
    }

    public String next() {
        skipWhitespace();
        if (position >= text.length()) {
            return null;
        }
        StringBuilder token = new StringBuilder();
        if (OPENING.indexOf(text.charAt(position)) >= 0) {
            position++;
            while (position < text.length() && CLOSING.indexOf(text.charAt(position)) < 0) {
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

    public String remainder() {
        skipWhitespace();
        return position == text.length() ? "" : text.substring(position).stripTrailing();
    }

    /** Every remaining word. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        for (String word; (word = next()) != null; ) {
            words.add(word);
        }
        return words;
    }

    public String takeRemainder() {
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
