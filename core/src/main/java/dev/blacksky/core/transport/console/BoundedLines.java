package dev.blacksky.core.transport.console;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines keeping at most {@code max} + 1 characters of each (one more than allowed, so that a longer line
 * stays recognisable as too long) and skipping the rest: a single line longer than the heap cannot exhaust it.
 */
final class BoundedLines {

    private final Reader in;
    private final int max;

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line without its terminator ("\n" or "\r\n"), or null at the end of input. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c == -1) {
            return null;
        }
        for (; c != -1 && c != '\n'; c = in.read()) {
            if (line.length() <= max) {
                line.append((char) c);
            }
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }
}
