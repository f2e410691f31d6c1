package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stretch of history adds up to: the share of time connected, the outages (a connected link lost) and
 * the reconnect attempts. Time before the first entry is unknown and not counted either way.
 *
 * @param covered how much of the window the history covers
 */
public record UptimeSummary(Duration window, Duration covered, Duration connected, int outages, int reconnects) {

    /** The connected share of the covered time, 0 to 1; 0 when nothing is covered. */
    public double share() {
        return covered.isZero() ? 0 : (double) connected.toMillis() / covered.toMillis();
    }

    /** The fields as JSON-ready values, for {@code blacksky status --json} and the dashboard. */
    public Map<String, Object> fields(String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("window", name);
        json.put("share", share());
        json.put("coveredSeconds", covered.toSeconds());
        json.put("outages", outages);
        json.put("reconnects", reconnects);
        return json;
    }

    /** Sums up {@code entries} (oldest first) over the {@code window} that ends at {@code now}. */
    public static UptimeSummary of(List<HistoryEntry> entries, Duration window, Instant now) {
        Instant from = now.minus(window);
        Duration covered = Duration.ZERO;
        Duration connected = Duration.ZERO;
        int outages = 0;
        int reconnects = 0;
        for (int i = 0; i < entries.size(); i++) {
            HistoryEntry entry = entries.get(i);
            Instant end = i + 1 < entries.size() ? entries.get(i + 1).at() : now;
            Instant start = entry.at().isBefore(from) ? from : entry.at();
            if (end.isAfter(start)) {
                Duration spell = Duration.between(start, end);
                covered = covered.plus(spell);
                if (entry.state() == ConnectionState.CONNECTED) {
                    connected = connected.plus(spell);
                }
            }
            if (!entry.at().isBefore(from) && !entry.at().isAfter(now)) {
                if (entry.state() == ConnectionState.RECONNECTING) {
                    reconnects++;
                }
                if (i > 0 && entries.get(i - 1).state() == ConnectionState.CONNECTED
                        && entry.state() != ConnectionState.STOPPED) {
                    outages++;
                }
            }
        }
        return new UptimeSummary(window, covered, connected, outages, reconnects);
    }
}
