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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <data>/accounts/<name>/status.json}: written to a temp file in the same folder, fsynced, then
 * moved over the old one atomically, so a reader sees the old or the new status, never half of one.
 */
public final class StatusFile implements StatusRecorder {

    public static final String NAME = "status.json";

    private static final Logger log = LoggerFactory.getLogger(StatusFile.class);

    private final Path file;

    public StatusFile(Path file) {
        this.file = file;
    }

    /** The status file of {@code account} under the data folder. */
    public static Path of(Path data, String account) {
        return data.resolve("accounts").resolve(account).resolve(NAME);
    }

    public Path path() {
        return file;
    }

    @Override
    public void record(ConnectionStatus status) {
        try {
            write(status);
        } catch (IOException e) {
            log.warn("Cannot write the connection status to {}: {}", file, e.toString());
        }
    }

    /** Replaces the file with {@code status}, atomically. */
    public void write(ConnectionStatus status) throws IOException {
        DurableFiles.replace(file, (render(status) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the file; empty if there is none. Throws {@link IOException} if it cannot be parsed. */
    public Optional<ConnectionStatus> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    static String render(ConnectionStatus status) {
        return ConfigValueFactory.fromMap(fields(status)).render(ConfigRenderOptions.concise().setFormatted(true).setJson(true));
    }

    /** The file's fields in order, as JSON-ready values (strings, numbers, nested maps, nulls). */
    public static Map<String, Object> fields(ConnectionStatus status) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("attempts", status.counters().attempts());
        counters.put("connects", status.counters().connects());
        counters.put("disconnects", status.counters().disconnects());
        counters.put("failedConnects", status.counters().failedConnects());
        counters.put("alerts", status.counters().alerts());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", status.account());
        json.put("state", status.state().name());
        json.put("since", status.since().toString());
        json.put("attempt", status.attempt());
        json.put("nextAttemptAt", text(status.nextAttemptAt()));
        json.put("reason", status.reason());
        json.put("lastError", status.lastError());
        json.put("cause", status.cause());
        json.put("client", status.client());
        json.put("counters", counters);
        json.put("pid", status.pid());
        json.put("processStartedAt", text(status.processStartedAt()));
        json.put("updatedAt", status.updatedAt().toString());
        return json;
    }

    static ConnectionStatus parse(String text) throws IOException {
        try {
            Config c = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
            Config k = c.getConfig("counters");
            return new ConnectionStatus(c.getString("account"), ConnectionState.valueOf(c.getString("state")),
                    Instant.parse(c.getString("since")), c.getInt("attempt"), instant(c, "nextAttemptAt"),
                    c.getString("reason"), c.getIsNull("lastError") ? null : c.getString("lastError"),
                    c.hasPath("cause") ? c.getString("cause") : null,
                    c.hasPath("client") ? c.getString("client") : null,
                    new ConnectionCounters(k.getLong("attempts"), k.getLong("connects"), k.getLong("disconnects"),
                            k.getLong("failedConnects"), k.getLong("alerts")),
                    c.getLong("pid"), instant(c, "processStartedAt"), Instant.parse(c.getString("updatedAt")));
        } catch (ConfigException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IOException("not a Blacksky status file: " + e.getMessage(), e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(Config config, String key) {
        return config.getIsNull(key) ? null : Instant.parse(config.getString(key));
    }
}
