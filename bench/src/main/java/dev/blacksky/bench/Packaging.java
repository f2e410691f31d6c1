package dev.blacksky.bench;

import java.util.Arrays;

/** How the N+1 commands are split into PF4J plugins. */
enum Packaging {
    /** All N+1 commands in one plugin JAR. */
    ONE_PLUGIN("one-plugin"),
    /** N+1 plugin JARs, one command each. */
    PLUGIN_PER_COMMAND("plugin-per-command");

    private final String argument;

    Packaging(String argument) {
        this.argument = argument;
    }

    String argument() {
        return argument;
    }

    static Packaging fromArgument(String value) {
        return Arrays.stream(values()).filter(p -> p.argument.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("packaging must be one-plugin or plugin-per-command, was '"
                        + value + "'"));
    }
}
