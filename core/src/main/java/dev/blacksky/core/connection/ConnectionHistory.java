package dev.blacksky.core.connection;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.core.storage.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <data>/accounts/<name>/history.jsonl}: every state change, one JSON line each, appended and fsynced,
 * so the history of outages survives restarts; lines older than the retention are dropped once a day.
 */
public final class ConnectionHistory implements StatusRecorder {

    public static final String NAME = "history.jsonl";

    private static final Logger log = LoggerFactory.getLogger(ConnectionHistory.class);

    // Besides the terminal states, those a failure leads to; the others (connecting, connected, stopped) have no cause.
    private static final java.util.Set<ConnectionState> RETRYING = java.util.EnumSet.of(ConnectionState.RECONNECTING,
            ConnectionState.DEGRADED, ConnectionState.SUSPENDED);

    private final Path file;
    private final Duration keep;
    private final Clock clock;
    private final List<HistoryEntry> entries = new ArrayList<>();
    private Instant prunedAt = Instant.MIN;

    public ConnectionHistory(Path file, Duration keep, Clock clock) {
        this.file = file;
        this.keep = keep;
        this.clock = clock;
    }

    public static Path of(Path data, String account) {
        return data.resolve("accounts").resolve(account).resolve(NAME);
    }

    /**
     * Loads what earlier runs wrote. A run that ended without a clean stop (killed, crashed, power lost) left no
     * STOPPED line: one is added at its last sign of life, so the gap does not count as connected.
     */
    public synchronized void open(Instant lastSignOfLife) {
        entries.clear();
        entries.addAll(read(file));
        if (!entries.isEmpty() && entries.getLast().state() != ConnectionState.STOPPED) {
            Instant at = lastSignOfLife != null && lastSignOfLife.isAfter(entries.getLast().at())
                    ? lastSignOfLife : entries.getLast().at();
            append(new HistoryEntry(at, ConnectionState.STOPPED, 0,
                    "the previous run ended without a clean stop (killed or crashed)", null));
        }
        prune();
    }

    @Override
    public synchronized void record(ConnectionStatus status) {
        if (!entries.isEmpty() && entries.getLast().state() == status.state()) {
            return;
        }
        append(new HistoryEntry(status.updatedAt(), status.state(), status.attempt(), status.reason(),
                status.state().isTerminal() || RETRYING.contains(status.state()) ? status.cause() : null));
        if (Duration.between(prunedAt, clock.instant()).compareTo(Duration.ofDays(1)) > 0) {
            prune();
        }
    }

    /** The entries still kept, oldest first. */
    public synchronized List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    /** The last hour, day and week, by those names. */
    public Map<String, UptimeSummary> summaries() {
        return summaries(entries(), clock.instant());
    }

    public static Map<String, UptimeSummary> summaries(List<HistoryEntry> entries, Instant now) {
        Map<String, UptimeSummary> windows = new LinkedHashMap<>();
        windows.put("hour", UptimeSummary.of(entries, Duration.ofHours(1), now));
        windows.put("day", UptimeSummary.of(entries, Duration.ofDays(1), now));
        windows.put("week", UptimeSummary.of(entries, Duration.ofDays(7), now));
        return windows;
    }

    private void append(HistoryEntry entry) {
        entries.add(entry);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((render(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
            }
        } catch (IOException e) {
            log.warn("Cannot append to the connection history {}: {}", file, e.toString());
        }
    }

    private void prune() {
        prunedAt = clock.instant();
        Instant cutoff = prunedAt.minus(keep);
        int old = 0;
        // The newest entry before the cutoff stays: it says what the state was when the kept period began.
        while (old + 1 < entries.size() && entries.get(old + 1).at().isBefore(cutoff)) {
            old++;
        }
        if (old == 0) {
            return;
        }
        entries.subList(0, old).clear();
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(render(e)).append('\n'));
        try {
            DurableFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("Cannot prune the connection history {}: {}", file, e.toString());
        }
    }

    static String render(HistoryEntry entry) {
        return ConfigValueFactory.fromMap(entry.fields()).render(ConfigRenderOptions.concise());
    }

    /** Reads a history file; a line that cannot be parsed (a write torn by a crash) is skipped. */
    public static List<HistoryEntry> read(Path file) {
        List<HistoryEntry> read = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return read;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Cannot read the connection history {}: {}", file, e.toString());
            return read;
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                Config c = ConfigFactory.parseString(line, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
                read.add(new HistoryEntry(Instant.parse(c.getString("at")), ConnectionState.valueOf(c.getString("state")),
                        c.getInt("attempt"), c.getString("reason"), c.getIsNull("cause") ? null : c.getString("cause")));
            } catch (ConfigException | IllegalArgumentException | DateTimeParseException e) {
                log.debug("Skipping an unreadable line of {}: {}", file, e.toString());
            }
        }
        return read;
    }
}
