package dev.blacksky.core.dispatch;

import java.util.List;

/** A message split into prefix, command word and the rest, or not a command at all. */
record CommandLine(String prefix, String word, String rest) {

    /** Returns null when the text does not start with a prefix directly followed by a word. */
    static CommandLine parse(String text, List<String> prefixes) {
        for (int p = 0; p < prefixes.size(); p++) {
            String prefix = prefixes.get(p);
            boolean starts = prefix.length() == 1 ? !text.isEmpty() && text.charAt(0) == prefix.charAt(0) : text.startsWith(prefix);
            if (starts && text.length() > prefix.length()
                    && !isWhitespace(text.charAt(prefix.length()))) {
                int start = prefix.length();
                int end = start;
                while (end < text.length() && !isWhitespace(text.charAt(end))) {
                    end++;
                }
                int restStart = end < text.length() ? end + 1 : end; // exactly one separating space
                return new CommandLine(prefix, text.substring(start, end), text.substring(restStart));
            }
        }
        return null;
    }

    // Printable ASCII, what command words are made of, is decided without the Unicode tables.
    static boolean isWhitespace(char c) {
        return c > ' ' && c < 0x7f ? false : Character.isWhitespace(c);
    }
}
