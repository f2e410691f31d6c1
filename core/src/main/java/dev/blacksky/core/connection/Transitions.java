package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.api.event.ConnectionStateChangedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the supervisor is, recorded, logged and announced on each change; written only on its serial executor. */
final class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);

    private final String account;
    private final Clock clock;
    private final StatePublisher publisher;
    private final StatusRecorder recorder;
    private final long pid;
    private final Instant processStartedAt;
    private volatile ConnectionPhase phase = new ConnectionPhase.Starting();
    private volatile ConnectionStatus status;
    private Instant since;
    private String lastError;
    private String cause;
    private volatile String client;
    private ConnectionCounters counters = ConnectionCounters.ZERO;

    Transitions(String account, Clock clock, StatePublisher publisher, StatusRecorder recorder) {
        this.account = account;
        this.clock = clock;
        this.publisher = publisher;
        this.recorder = recorder;
        ProcessHandle self = ProcessHandle.current();
        this.pid = self.pid();
        this.processStartedAt = self.info().startInstant().orElse(null);
        this.since = clock.instant();
        this.status = snapshot("not started");
    }

    ConnectionPhase phase() {
        return phase;
    }

    ConnectionStatus status() {
        return status;
    }

    String lastError() {
        return lastError;
    }

    void failed(ConnectionFailure failure) {
        lastError = failure.describe();
        cause = failure.kind();
    }

    void count(UnaryOperator<ConnectionCounters> change) {
        counters = change.apply(counters);
    }

    /** Something an operator must hear about: a terminal state or a DEGRADED episode. */
    void alert(String message) {
        counters = counters.alert();
        log.warn("[{}] ALERT: {}", account, message);
    }

    /** Moves to {@code next}; plugins hear of it only if the visible state changes. */
    void enter(ConnectionPhase next, String why) {
        ConnectionState previous = phase.state();
        phase = next;
        Instant now = clock.instant();
        if (previous != next.state()) {
            since = now;
        }
        record(why);
        if (previous != next.state()) {
            log.info("[{}] {} -> {}: {}", account, previous, next.state(), why);
            try {
                publisher.publish(new ConnectionStateChangedEvent(previous, next.state(), why, now));
            } catch (RuntimeException e) {
                log.warn("[{}] publishing the state change failed", account, e);
            }
        }
    }

    /** What the current client announces, shown with every later status. */
    void client(String info) {
        client = info;
    }

    /** Records the current state again with new details (a counter, a reason). */
    void record(String why) {
        status = snapshot(why);
        try {
            recorder.record(status);
        } catch (RuntimeException e) {
            log.warn("[{}] recording the status failed", account, e);
        }
    }

    private ConnectionStatus snapshot(String why) {
        ConnectionPhase current = phase;
        return new ConnectionStatus(account, current.state(), since, current.attempt(), current.nextAttemptAt(), why,
                lastError, cause, client, counters, pid, processStartedAt, clock.instant());
    }
}
