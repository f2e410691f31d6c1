package dev.blacksky.core.dispatch;

/** A plugin's argument parser failed with something other than {@code ArgumentException}: a fault in the plugin. */
final class ParserFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String argument;
    private final String token;

    ParserFailedException(String argument, String token, RuntimeException cause) {
        super("the parser of argument '" + argument + "' failed on '" + token + "': " + cause, cause);
        this.argument = argument;
        this.token = token;
    }

    /** What the user is told: which word could not be read as what. */
    String answer() {
        String shown = token.length() > 32 ? token.substring(0, 32) + "…" : token;
        return "I could not read '" + shown + "' as " + argument + ".";
    }
}
