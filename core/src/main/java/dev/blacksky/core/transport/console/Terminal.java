package dev.blacksky.core.transport.console;

import java.io.Console;
import java.lang.reflect.Method;

/** Tells whether stdin and stdout are an interactive terminal, on JDK 21 and on 22+ alike. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a non-null console means a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
