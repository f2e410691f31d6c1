package dev.blacksky.core.transport.console;

import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.Transport;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each stdin line is a message from the console user; replies go to stdout. When piped, stdout carries
 * only the bot's replies, so {@code printf '!ping\n' | blacksky run --console} prints exactly {@code pong}.
 */
public final class ConsoleTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(ConsoleTransport.class);

    private final ConsoleSettings settings;
    private final InputStream in;
    private final PrintStream out;
    private final boolean interactive;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    // Message ids must not repeat across runs: a journaled console would take a repeated one for a redelivery.
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Object outputLock = new Object();
    private volatile boolean stopped;
    private Thread reader;

    public ConsoleTransport(ConsoleSettings settings, InputStream in, PrintStream out, boolean interactive, Clock clock) {
        this.settings = settings;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
    }

    /** The process's own stdin and stdout, in UTF-8 whatever the locale says. */
    public static ConsoleTransport forProcess(ConsoleSettings settings, Clock clock) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        return new ConsoleTransport(settings, System.in, stdout, Terminal.isInteractive(), clock);
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void start(InboundSink sink) {
        ConsoleSession session = new ConsoleSession(new User(UserId.of(settings.user()), settings.displayName()));
        reader = Thread.ofPlatform().name("console-input").daemon(true).start(() -> readLoop(session, sink));
        if (interactive) {
            printLine("Blacksky console. You are " + settings.user() + " (an owner). Type !help, or :help for directives.");
        }
    }

    private void readLoop(ConsoleSession session, InboundSink sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            BoundedLines lines = new BoundedLines(reader, settings.maxLineLength());
            prompt(session);
            String line;
            while (!stopped && (line = lines.next()) != null) {
                handle(line, session, sink);
                prompt(session);
            }
        } catch (IOException e) {
            if (!stopped) {
                log.warn("Reading the console input failed; treating it as end of input", e);
            }
        }
        if (!stopped) {
            sink.inputClosed();
        }
    }

    private void handle(String line, ConsoleSession session, InboundSink sink) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith(":")) {
            Optional<ConsoleSession.Outcome> outcome = session.apply(line, clock.instant());
            if (outcome.isPresent()) {
                if (interactive) {
                    printLine("(" + outcome.get().feedback() + ")");
                }
                if (outcome.get().event() != null) {
                    sink.event(outcome.get().event());
                }
                return;
            }
            if (interactive) {
                printLine("(unknown directive; :help lists them)");
            }
        }
        String id = "console-" + run + "-" + sequence.incrementAndGet();
        Message message = Message.text(id, session.chat(), session.sender(), line, clock.instant());
        sink.accept(new Inbound(message, session.senderIsGroupAdmin()));
    }

    private void prompt(ConsoleSession session) {
        if (interactive && settings.prompt()) {
            synchronized (outputLock) {
                out.print(session.promptLabel());
                out.flush();
            }
        }
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        printLine(text);
        return CompletableFuture.completedFuture("console-out-" + sequence.incrementAndGet());
    }

    @Override
    public CompletionStage<Void> react(Message target, String emoji) {
        printLine("(" + emoji + ")");
        return CompletableFuture.completedFuture(null);
    }

    private void printLine(String text) {
        synchronized (outputLock) {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public void stop() {
        stopped = true;
        synchronized (outputLock) {
            out.flush();
        }
    }

    /** With blacksky.console.durable, lines are journaled and replies go through the outbox, as on WhatsApp. */
    @Override
    public boolean durable() {
        return settings.durable();
    }

    @Override
    public Set<UserId> implicitOwners() {
        return Set.of(UserId.of(settings.user()));
    }
}
