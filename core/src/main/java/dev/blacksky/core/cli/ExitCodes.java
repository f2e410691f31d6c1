package dev.blacksky.core.cli;

/** The process exit codes, documented in {@code blacksky --help}. */
public final class ExitCodes {

    /** Clean stop: end of console input, or SIGTERM. */
    public static final int OK = 0;
    /** Start-up or runtime failure; the message says what failed. */
    public static final int FAILURE = 1;
    /** Wrong command-line usage. */
    public static final int USAGE = 2;
    /** Invalid configuration; the message names file, line and key. */
    public static final int CONFIG = 3;
    /** The account's session is locked by another running process; the message names its pid and host. */
    public static final int SESSION_LOCKED = 4;
    /** The process ran out of memory; the log names the plugin call that was running. */
    public static final int OUT_OF_MEMORY = 5;
    /** The node lost its cluster lease on the account (another node runs it now); a restart waits as a standby. */
    public static final int LEASE_LOST = 6;

    private ExitCodes() {
    }
}
