package dev.blacksky.core.transport.console;

import dev.blacksky.api.event.PollVotedEvent;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.QuotedMessage;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.transport.GroupChange;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.LocalGroups;
import dev.blacksky.core.transport.LocalMedia;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.Transport;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each stdin line is a message from the console user; replies go to stdout. When piped, stdout carries
 * only the bot's replies, so {@code printf '!ping\n' | blacksky run --console} prints exactly {@code pong}.
 * Directives ({@code :help}) switch speaker and chat, play group changes, media and quotes in.
 */
public final class ConsoleTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(ConsoleTransport.class);
    /** The bot's own id in console groups. */
    static final UserId BOT = UserId.of("blacksky");
    private static final int REMEMBERED_LINES = 1000;
    private static final int BACKLOG = 256;
    private static final Set<String> GROUP_DIRECTIVES = Set.of(":join", ":leave", ":promote", ":demote", ":admin",
            ":subject", ":members");

    private final ConsoleSettings settings;
    private final InputStream in;
    private final PrintStream out;
    private final boolean interactive;
    private final Clock clock;
    private final Path mediaFolder;
    private final LocalGroups groups = new LocalGroups(BOT);
    // Message ids must not repeat across runs: a journaled console would take a repeated one for a redelivery.
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Object outputLock = new Object();
    // The user's recent lines by number, for :reply; confined to the reader thread.
    private final Map<Integer, Message> lines = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Message> eldest) {
            return size() > REMEMBERED_LINES;
        }
    };
    private int lineNumber;
    // The last poll the bot sent to each chat, for :vote.
    private final Map<ChatId, Map.Entry<String, List<String>>> polls = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile InboundSink sink;
    private volatile boolean stopped;
    private volatile Thread reader;
    private final String label;
    private final ConsoleSwitchboard switchboard;
    private final String account; // on a shared console, the account it speaks for

    /** {@code mediaFolder} receives the media the bot sends, so that a user can open it. */
    public ConsoleTransport(ConsoleSettings settings, InputStream in, PrintStream out, boolean interactive, Clock clock,
                            Path mediaFolder) {
        this(settings, in, out, interactive, clock, mediaFolder, null, null, null);
    }

    // `label`, when not null, starts each printed line: several accounts print to one console.
    private ConsoleTransport(ConsoleSettings settings, InputStream in, PrintStream out, boolean interactive, Clock clock,
                             Path mediaFolder, String label, ConsoleSwitchboard switchboard, String account) {
        this.label = label;
        this.switchboard = switchboard;
        this.account = account;
        this.settings = settings;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
        this.mediaFolder = mediaFolder;
    }

    /** The process's own stdin and stdout, in UTF-8 whatever the locale says. */
    public static ConsoleTransport forProcess(ConsoleSettings settings, Clock clock, Path mediaFolder) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        return new ConsoleTransport(settings, System.in, stdout, Terminal.isInteractive(), clock, mediaFolder);
    }

    /** One of several accounts on the process's console: its lines come through {@code switchboard}. */
    public static ConsoleTransport shared(ConsoleSwitchboard switchboard, String account, ConsoleSettings settings,
                                          Clock clock, Path mediaFolder) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        return new ConsoleTransport(settings, switchboard.attach(account), stdout, Terminal.isInteractive(), clock,
                mediaFolder, ConsoleSwitchboard.label(account), switchboard, account);
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void start(InboundSink sink) {
        this.sink = sink;
        ConsoleSession session = new ConsoleSession(new User(UserId.of(settings.user()), settings.displayName()), groups);
        reader = Thread.ofPlatform().name("console-input").daemon(true).start(() -> readLoop(session, sink));
        if (interactive) {
            printLine("Blacksky console. You are " + settings.user() + " (an owner). Type !help, or :help for directives."
                    + (switchboard != null ? " :account <name> speaks to another account." : ""));
        }
        if (switchboard != null) {
            switchboard.started(account);
        }
    }

    private void readLoop(ConsoleSession session, InboundSink sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            BoundedLines input = new BoundedLines(reader, settings.maxLineLength());
            prompt(session);
            String line;
            while (!stopped && (line = input.next()) != null) {
                handle(line, session, sink);
                prompt(session);
            }
        } catch (IOException e) {
            if (!stopped) {
                log.warn("Reading the console input failed; treating it as end of input", e);
            }
        }
        if (!stopped) {
            if (switchboard != null) {
                switchboard.drained(sink::inputClosed); // the input ends once every account has read all of its own
            } else {
                sink.inputClosed();
            }
        }
    }

    private void handle(String line, ConsoleSession session, InboundSink sink) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith(":vote")) {
            vote(line, session, sink);
            return;
        }
        if (line.startsWith(":")) {
            if (session.inGroup() && GROUP_DIRECTIVES.contains(line.trim().split("\\s+")[0])) {
                // A group change or question comes after the lines typed before it, as it would in a chat.
                sink.barrier(session.chat().id()).join();
            }
            Optional<ConsoleSession.Outcome> outcome = session.apply(line, clock.instant());
            if (outcome.isPresent()) {
                if (interactive || line.startsWith(":members")) { // a question is answered, piped or not
                    printLine("(" + outcome.get().feedback() + ")");
                }
                outcome.get().events().forEach(sink::event);
                ConsoleSession.Draft draft = outcome.get().message();
                if (draft != null) {
                    Optional<QuotedMessage> quoted = Optional.ofNullable(lines.get(draft.quotes()))
                            .map(q -> new QuotedMessage(q.id(), q.sender().id(), q.text()));
                    if (draft.quotes() > 0 && quoted.isEmpty()) {
                        printLine("(there is no line " + draft.quotes() + " to reply to)");
                        return;
                    }
                    deliver(session, draft.text(), quoted, draft.content(), sink);
                }
                return;
            }
            if (interactive) {
                printLine("(unknown directive; :help lists them)");
            }
        }
        deliver(session, line, Optional.empty(), Content.TEXT, sink);
    }

    private void deliver(ConsoleSession session, String text, Optional<QuotedMessage> quoted, Content content, InboundSink sink) {
        int number = ++lineNumber;
        String id = "console-" + run + "-" + number;
        Message message = new Message(id, session.chat(), session.sender(), text, clock.instant(), quoted, mentions(text),
                content);
        lines.put(number, message);
        sink.accept(new Inbound(message, session.senderIsGroupAdmin()));
        if (number % BACKLOG == 0) {
            // A piped script is read far faster than it is answered: waiting here now and then keeps the lines in
            // memory few, instead of the whole script at once.
            sink.barrier(message.chat().id()).join();
        }
    }

    private void vote(String line, ConsoleSession session, InboundSink sink) {
        ChatId chat = session.chat().id();
        sink.barrier(chat).join(); // the poll asked for by an earlier line is out by then
        Map.Entry<String, List<String>> poll = polls.get(chat);
        if (poll == null) {
            printLine("(no poll to vote on here: the bot has not sent one to this chat)");
            return;
        }
        List<String> selected = new java.util.ArrayList<>();
        for (String word : line.substring(":vote".length()).trim().split("\\s+")) {
            try {
                selected.add(poll.getValue().get(Integer.parseInt(word) - 1));
            } catch (RuntimeException e) {
                if (!word.isEmpty()) {
                    printLine("(usage: :vote <option number>..., 1 to " + poll.getValue().size() + ")");
                    return;
                }
            }
        }
        sink.event(new PollVotedEvent(session.chat(), poll.getKey(), session.sender().id(), selected, clock.instant()));
    }

    // "@bob" in a line mentions bob, as tapping a name does on a phone.
    private static List<UserId> mentions(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> w.length() > 1 && w.startsWith("@"))
                .map(w -> UserId.parse(w.substring(1))).distinct().toList();
    }

    private void prompt(ConsoleSession session) {
        if (interactive && settings.prompt() && label == null) {
            synchronized (outputLock) {
                out.print(session.promptLabel());
                out.flush();
            }
        }
    }

    @Override
    public CompletionStage<String> send(ChatId chat, OutgoingMessage message, String messageId) {
        try {
            message.poll().ifPresent(poll -> polls.put(chat, Map.entry(messageId, poll.options())));
            printLine(ConsoleOutput.render(message, messageId, mediaFolder, interactive));
            return CompletableFuture.completedFuture(messageId);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Supplier<CompletionStage<Void>> prepare(OutboundAction action) {
        String shown = switch (action) {
            case OutboundAction.React r -> "(" + r.emoji() + ")";
            case OutboundAction.Delete d -> "(deleted " + d.target().sender().id() + "'s message: " + d.target().text() + ")";
            case OutboundAction.DeleteSent d -> "(deleted " + d.messageId() + ")";
            case OutboundAction.Edit e -> "(edited " + e.messageId() + ": " + e.text() + ")";
        };
        return () -> {
            printLine(shown);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public Optional<UserId> self() {
        return Optional.of(BOT);
    }

    @Override
    public CompletionStage<GroupInfo> groupInfo(ChatId group) {
        return groups.infoStage(group);
    }

    @Override
    public CompletionStage<Void> changeGroup(ChatId group, GroupChange change) {
        return groups.changeStage(group, change, clock.instant(), event -> {
            InboundSink current = sink;
            if (current != null) {
                current.event(event);
            }
        });
    }

    @Override
    public CompletionStage<String> inviteLink(ChatId group) {
        return groups.inviteLinkStage(group);
    }

    @Override
    public CompletionStage<Void> download(Message message, Path target, long maxBytes) {
        return LocalMedia.copy(message, target, maxBytes);
    }

    private void printLine(String text) {
        synchronized (outputLock) {
            out.println(label == null ? text : label + text.replace("\n", "\n" + label));
            out.flush();
        }
    }

    @Override
    public void stop() {
        if (switchboard != null && reader == null) {
            switchboard.detach(account); // never started: the others must not wait for it
        }
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
