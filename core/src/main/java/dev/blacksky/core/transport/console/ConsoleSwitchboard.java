package dev.blacksky.core.transport.console;

import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process's console shared by several accounts on the console transport: each line goes to the account
 * spoken to, {@code :account <name>} switches (the first account to begin with), and the end of input ends
 * every account's input.
 */
@Singleton
public final class ConsoleSwitchboard {

    private final Map<String, PipedOutputStream> inputs = new LinkedHashMap<>(); // guarded by this
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final int maxLineLength;
    private String target; // guarded by this
    private boolean started; // guarded by this
    private int drained; // guarded by this: accounts whose console has read all of its input
    private final java.util.Set<String> begun = new java.util.HashSet<>(); // guarded by this

    /** Reads lines of at most {@code blacksky.inbound.max-message-length}; each account's console checks its own. */
    @jakarta.inject.Inject
    ConsoleSwitchboard(com.typesafe.config.Config config) {
        this.maxLineLength = config.getInt("blacksky.inbound.max-message-length");
    }

    /** The input of {@code account}'s console: the lines typed while it is spoken to. */
    public synchronized InputStream attach(String account) {
        try {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            inputs.put(account, new PipedOutputStream(in));
            if (target == null) {
                target = account;
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An account's console has started; once every attached one has, the process's input is read. Lines typed
     * before then wait in the terminal, so none goes to an account whose console is not reading yet.
     */
    public synchronized void started(String account) {
        begun.add(account);
        readWhenAllStarted();
    }

    /** An account's console will never read (its account could not start): its input is closed and forgotten. */
    public synchronized void detach(String account) {
        if (begun.contains(account)) {
            return; // it has read: stopping after the end of input leaves it in place
        }
        PipedOutputStream input = inputs.remove(account);
        if (input == null) {
            return;
        }
        try {
            input.close();
        } catch (IOException ignored) {
            // nobody reads it
        }
        if (account.equals(target)) {
            target = inputs.isEmpty() ? null : inputs.keySet().iterator().next();
        }
        readWhenAllStarted();
    }

    private void readWhenAllStarted() {
        if (!started && !inputs.isEmpty() && begun.containsAll(inputs.keySet())) {
            started = true;
            Thread.ofPlatform().name("console-switchboard").daemon(true).start(this::read);
        }
    }

    /**
     * Called by each account's console once it has read all of its input; the last one to finish runs {@code
     * inputClosed}, so no account's lines are cut short by another account reaching the end first.
     */
    void drained(Runnable inputClosed) {
        boolean last;
        synchronized (this) {
            last = ++drained == inputs.size();
        }
        if (last) {
            inputClosed.run();
        }
    }

    /** Every line an account's console prints starts with this. */
    static String label(String account) {
        return "[" + account + "] ";
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            BoundedLines lines = new BoundedLines(reader, maxLineLength); // a huge line costs no more than a long one
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.equals(":account") || line.startsWith(":account ")) {
                    out.println("(" + switchTo(line.substring(":account".length()).strip()) + ")");
                } else {
                    forward(line);
                }
            }
        } catch (IOException e) {
            out.println("(reading the console failed: " + e.getMessage() + "; ending its input)");
        }
        synchronized (this) {
            for (PipedOutputStream input : inputs.values()) {
                try {
                    input.close();
                } catch (IOException ignored) {
                    // that account's console has stopped reading already
                }
            }
        }
    }

    private synchronized String switchTo(String account) {
        if (account.isEmpty()) {
            return "speaking to account '" + target + "'; :account <name> switches to one of " + inputs.keySet();
        }
        if (!inputs.containsKey(account)) {
            return "there is no account '" + account + "' on the console; use one of " + inputs.keySet();
        }
        target = account;
        return "now speaking to account '" + account + "'";
    }

    private void forward(String line) {
        PipedOutputStream input;
        String account;
        synchronized (this) {
            account = target;
            input = inputs.get(account);
        }
        try {
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            out.println("(account '" + account + "' is not reading its console any more: " + e.getMessage() + ")");
        }
    }
}
