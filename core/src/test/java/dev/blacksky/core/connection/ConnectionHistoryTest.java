package dev.blacksky.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blacksky.api.event.ConnectionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionHistoryTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private static ConnectionStatus status(ConnectionState state, Instant at, String cause) {
        return new ConnectionStatus("main", state, at, 1, null, state + " because", cause == null ? null : "boom",
                cause, null, ConnectionCounters.ZERO, 1, at, at);
    }

    private ConnectionHistory history(Instant now) {
        return new ConnectionHistory(dir.resolve("history.jsonl"), Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void keeps_each_change_of_state_once_across_a_restart() {
        ConnectionHistory first = history(T0);
        first.open(null);
        first.record(status(ConnectionState.CONNECTING, T0, null));
        first.record(status(ConnectionState.RECONNECTING, T0.plusSeconds(1), "network_error"));
        first.record(status(ConnectionState.RECONNECTING, T0.plusSeconds(2), "network_error")); // same state: not new
        first.record(status(ConnectionState.CONNECTED, T0.plusSeconds(3), "network_error"));
        first.record(status(ConnectionState.STOPPED, T0.plusSeconds(4), null));

        ConnectionHistory second = history(T0.plusSeconds(10));
        second.open(null);
        assertThat(second.entries()).extracting(HistoryEntry::state).containsExactly(ConnectionState.CONNECTING,
                ConnectionState.RECONNECTING, ConnectionState.CONNECTED, ConnectionState.STOPPED);
        assertThat(second.entries().get(1).cause()).isEqualTo("network_error");
        assertThat(second.entries().get(2).cause()).as("a connected link has no cause").isNull();
    }

    @Test
    void a_run_that_died_gets_a_stopped_line_at_its_last_sign_of_life() {
        ConnectionHistory crashed = history(T0);
        crashed.open(null);
        crashed.record(status(ConnectionState.CONNECTED, T0, null));

        ConnectionHistory next = history(T0.plus(Duration.ofHours(2)));
        next.open(T0.plus(Duration.ofMinutes(30)));
        HistoryEntry last = next.entries().getLast();
        assertThat(last.state()).isEqualTo(ConnectionState.STOPPED);
        assertThat(last.at()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(last.reason()).contains("without a clean stop");
        // Connected for 30 minutes of the 2 hours: the gap does not count as uptime.
        UptimeSummary day = UptimeSummary.of(next.entries(), Duration.ofDays(1), T0.plus(Duration.ofHours(2)));
        assertThat(day.share()).isEqualTo(0.25);
    }

    @Test
    void old_lines_are_pruned_but_the_state_at_the_cutoff_is_kept() throws IOException {
        ConnectionHistory old = history(T0);
        old.open(null);
        old.record(status(ConnectionState.CONNECTING, T0, null));
        old.record(status(ConnectionState.CONNECTED, T0.plusSeconds(5), null));
        old.record(status(ConnectionState.RECONNECTING, T0.plus(Duration.ofDays(10)), "stream_ended"));
        old.record(status(ConnectionState.CONNECTED, T0.plus(Duration.ofDays(10)).plusSeconds(5), null));

        ConnectionHistory later = history(T0.plus(Duration.ofDays(45)));
        later.open(T0.plus(Duration.ofDays(20))); // that run was last seen alive on day 20
        assertThat(later.entries()).extracting(HistoryEntry::state).containsExactly(ConnectionState.CONNECTED,
                ConnectionState.STOPPED);
        assertThat(ConnectionHistory.read(dir.resolve("history.jsonl"))).hasSize(2);
    }

    @Test
    void a_torn_last_line_is_skipped() throws IOException {
        ConnectionHistory history = history(T0);
        history.open(null);
        history.record(status(ConnectionState.CONNECTED, T0, null));
        history.record(status(ConnectionState.STOPPED, T0.plusSeconds(1), null));
        Files.writeString(dir.resolve("history.jsonl"), "{\"at\":\"2026-06-01T12:00", StandardOpenOption.APPEND);
        assertThat(ConnectionHistory.read(dir.resolve("history.jsonl"))).hasSize(2);
    }

    @Test
    void uptime_counts_connected_time_outages_and_reconnects_within_the_window() {
        List<HistoryEntry> entries = List.of(
                new HistoryEntry(T0, ConnectionState.CONNECTED, 0, "up", null),
                new HistoryEntry(T0.plusSeconds(3000), ConnectionState.RECONNECTING, 1, "down", "network_error"),
                new HistoryEntry(T0.plusSeconds(3060), ConnectionState.CONNECTING, 1, "again", null),
                new HistoryEntry(T0.plusSeconds(3070), ConnectionState.RECONNECTING, 2, "down", "network_error"),
                new HistoryEntry(T0.plusSeconds(3300), ConnectionState.CONNECTED, 0, "up", null));
        Instant now = T0.plusSeconds(3600);
        UptimeSummary hour = UptimeSummary.of(entries, Duration.ofHours(1), now);
        assertThat(hour.covered()).isEqualTo(Duration.ofHours(1));
        assertThat(hour.connected()).isEqualTo(Duration.ofSeconds(3300));
        assertThat(hour.outages()).isEqualTo(1);
        assertThat(hour.reconnects()).isEqualTo(2);
        // The last 9 minutes: only the tail of the outage, which began before the window.
        UptimeSummary tail = UptimeSummary.of(entries, Duration.ofMinutes(9), now);
        assertThat(tail.connected()).isEqualTo(Duration.ofSeconds(300));
        assertThat(tail.outages()).isZero();
        assertThat(tail.reconnects()).isEqualTo(1);
        assertThat(UptimeSummary.of(List.of(), Duration.ofDays(1), now).share()).isZero();
    }
}
