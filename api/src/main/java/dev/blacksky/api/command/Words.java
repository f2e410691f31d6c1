package dev.blacksky.api.command;

import java.util.ArrayList;
import java.util.List;

/** Splits text into words as commands read them: on spaces, with ASCII or typographic double quotes grouping. */
final class Words {

    private static final String OPENING = "\"“”„«";
    private static final String CLOSING = "\"”“»";

    private Words() {
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            StringBuilder word = new StringBuilder();
            if (OPENING.indexOf(text.charAt(i)) >= 0) {
                i++;
                while (i < text.length() && CLOSING.indexOf(text.charAt(i)) < 0) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < text.length() && text.charAt(i) == '"') {
                        c = text.charAt(i++);
                    }
                    word.append(c);
                }
                if (i >= text.length()) {
                    throw new ArgumentException("a quote is not closed: " + text);
                }
                i++;
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    word.append(text.charAt(i++));
                }
            }
            words.add(word.toString());
        }
        return words;
    }
}
