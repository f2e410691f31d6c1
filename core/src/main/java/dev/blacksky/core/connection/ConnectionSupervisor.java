package dev.blacksky.core.connection;

import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.api.event.ConnectionStateChangedEvent;
import dev.blacksky.core.connection.ConnectionFailure.BadSession;
import dev.blacksky.core.connection.ConnectionFailure.Banned;
import dev.blacksky.core.connection.ConnectionFailure.ConnectTimeout;
import dev.blacksky.core.connection.ConnectionFailure.LoggedOut;
import dev.blacksky.core.connection.ConnectionFailure.NetworkError;
import dev.blacksky.core.connection.ConnectionFailure.Outdated;
import dev.blacksky.core.connection.ConnectionFailure.PairingExpired;
import dev.blacksky.core.connection.ConnectionFailure.Replaced;
import dev.blacksky.core.connection.ConnectionFailure.RestartRequired;
import dev.blacksky.core.connection.ConnectionFailure.ServiceUnavailable;
import dev.blacksky.core.connection.ConnectionFailure.Silent;
import dev.blacksky.core.connection.ConnectionFailure.StreamEnded;
import dev.blacksky.core.connection.ConnectionFailure.TemporarilyBanned;
import dev.blacksky.core.connection.ConnectionPhase.Connected;
import dev.blacksky.core.connection.ConnectionPhase.Connecting;
import dev.blacksky.core.connection.ConnectionPhase.Degraded;
import dev.blacksky.core.connection.ConnectionPhase.Pairing;
import dev.blacksky.core.connection.ConnectionPhase.Reconnecting;
import dev.blacksky.core.connection.ConnectionPhase.Starting;
import dev.blacksky.core.connection.ConnectionPhase.Stopped;
import dev.blacksky.core.connection.ConnectionPhase.Suspended;
import dev.blacksky.core.schedule.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one account connected: the state machine, cause-aware backoff, the flap breaker, the liveness
 * watchdog and the terminal states that wait for an operator. Every trigger runs on one serial executor, so
 * there is one connect in flight at most and the old client is closed before the next one is created.
 * It never deletes a session, never changes identity, and never exits the process.
 */
public final class ConnectionSupervisor {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSupervisor.class);

    private final String account;
    private final ConnectionSettings settings;
    private final ConnectionClient.Factory clients;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Backoff backoff;
    private final FlapBreaker breaker;
    private final SerialExecutor serial;
    private final StatePublisher publisher;
    private final StatusRecorder recorder;
    private final SessionQuarantine quarantine;
    private final ProcessHandle process = ProcessHandle.current();
    private final Instant processStartedAt = process.info().startInstant().orElse(null);

    // Touched only on the serial executor, except where volatile.
    private volatile ConnectionPhase phase = new Starting();
    private volatile ConnectionStatus status;
    private volatile long generation;
    private volatile Instant lastReceived;
    private ConnectionClient client;
    private Instant since;
    private String lastError;
    private ConnectionCounters counters = ConnectionCounters.ZERO;
    private int attempt;
    private Instant outageStart;
    private boolean degradedEpisode;
    private boolean probed;
    private Instant resumedFromReplacedAt;
    private final Deque<Instant> badSessions = new ArrayDeque<>();
    private long timerToken;
    private TimeSource.Cancellable attemptTimer;
    private TimeSource.Cancellable connectDeadline;
    private TimeSource.Cancellable watchdog;
    private TimeSource.Cancellable stableTimer;

    /**
     * @param executor where supervisor work runs, one task at a time: virtual threads in production,
     *                 {@code Runnable::run} in tests so that time advances run everything deterministically
     */
    public ConnectionSupervisor(String account, ConnectionSettings settings, ConnectionClient.Factory clients,
            TimeSource time, RandomGenerator random, Executor executor, StatePublisher publisher,
            StatusRecorder recorder, SessionQuarantine quarantine) {
        this.account = account;
        this.settings = settings;
        this.clients = clients;
        this.time = time;
        this.random = random;
        this.backoff = new Backoff(settings, random);
        this.breaker = new FlapBreaker(settings);
        this.serial = new SerialExecutor(executor);
        this.publisher = publisher;
        this.recorder = recorder;
        this.quarantine = quarantine;
        this.since = now();
        this.status = snapshot("not started");
    }

    public String account() {
        return account;
    }

    /** The current state and what it carries. */
    public ConnectionPhase phase() {
        return phase;
    }

    /** The latest status, as also written to the status file. */
    public ConnectionStatus status() {
        return status;
    }

    /** Makes the first attempt. */
    public void start() {
        serial.execute(() -> {
            if (phase instanceof Starting) {
                attemptNow("starting");
            }
        });
    }

    /** Closes the client and moves to STOPPED; nothing is retried afterwards. Waits until done. */
    public void stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        serial.execute(() -> {
            try {
                if (!(phase instanceof Stopped)) {
                    cancelTimers();
                    teardown();
                    generation++;
                    enter(new Stopped(), "stopping");
                }
            } finally {
                done.complete(null);
            }
        });
        done.join();
    }

    /**
     * The operator's way out of a state that waits: one attempt now from REPLACED, LOGGED_OUT, BANNED,
     * OUTDATED, SESSION_CORRUPT, SUSPENDED, DEGRADED or RECONNECTING. Refused once REPLACED has latched.
     */
    public void resume() {
        serial.execute(() -> {
            ConnectionPhase current = phase;
            if (current instanceof ConnectionPhase.Replaced replaced && replaced.latched()) {
                log.warn("[{}] resume refused: the session was replaced twice within {}; stop the other instance"
                        + " and restart this one", account, settings.replacedLatchWindow());
            } else if (current.state().isTerminal() || current instanceof Suspended
                    || current instanceof Degraded || current instanceof Reconnecting) {
                log.info("[{}] resuming on operator request from {}", account, current.state());
                if (current instanceof ConnectionPhase.Replaced) {
                    resumedFromReplacedAt = now();
                }
                attemptNow("operator resume");
            } else {
                log.info("[{}] resume ignored in {}", account, current.state());
            }
        });
    }

    /**
     * Forces a fresh connection (operator, or anything else that distrusts the link). Triggers are tied to
     * the link the caller saw: those that arrive after that link was already replaced, or while an attempt
     * is in flight, collapse into it. Ignored in states that wait for an operator; those need {@link #resume()}.
     */
    public void reconnect(String why) {
        long seen = generation;
        serial.execute(() -> {
            if (seen != generation) {
                log.debug("[{}] reconnect ({}) collapsed into the attempt already made", account, why);
                return;
            }
            switch (phase) {
                case Connected c -> attemptNow("reconnect requested: " + why);
                case Reconnecting r -> attemptNow("reconnect requested: " + why);
                case Degraded d -> attemptNow("reconnect requested: " + why);
                default -> log.debug("[{}] reconnect ({}) ignored in {}", account, why, phase.state());
            }
        });
    }

    // ---- the serialized path ----------------------------------------------------------------------

    private void attemptNow(String why) {
        cancelTimers();
        teardown();
        long gen = ++generation;
        counters = counters.attempt();
        if (phase instanceof Degraded degraded) {
            record("probing after the DEGRADED pause (attempt " + degraded.attempt() + ")");
        } else {
            enter(new Connecting(attempt), why);
        }
        CompletionStage<Void> login;
        try {
            client = clients.create(account, new Listener(gen));
            login = client.connect();
        } catch (RuntimeException e) {
            login = CompletableFuture.failedFuture(e);
        }
        connectDeadline = time.schedule(settings.connectTimeout(),
                () -> serial.execute(() -> failed(gen, new ConnectTimeout(settings.connectTimeout()))));
        login.whenComplete((ok, error) -> serial.execute(() -> {
            if (error == null) {
                loggedIn(gen);
            } else {
                failed(gen, classify(error));
            }
        }));
    }

    private void pairing(long gen) {
        if (gen != generation || !(phase instanceof Connecting)) {
            return;
        }
        cancel(connectDeadline);
        enter(new Pairing(attempt), "waiting for a phone to scan the QR code");
        connectDeadline = time.schedule(settings.pairingTimeout(),
                () -> serial.execute(() -> failed(gen, new PairingExpired(settings.pairingTimeout()))));
    }

    private void loggedIn(long gen) {
        if (gen != generation || client == null || phase instanceof Connected) {
            return;
        }
        cancel(connectDeadline);
        counters = counters.connect();
        breaker.connected();
        lastReceived = now();
        probed = false;
        enter(new Connected(), attempt == 0 ? "logged in" : "logged in after " + attempt + " attempt(s)");
        scheduleCheck(gen, settings.probeAfter());
        stableTimer = time.schedule(settings.stableAfter(), () -> serial.execute(() -> stable(gen)));
    }

    // The link held long enough: the outage is over, so the next one starts from the smallest delay.
    private void stable(long gen) {
        if (gen == generation && phase instanceof Connected) {
            attempt = 0;
            outageStart = null;
            degradedEpisode = false;
            record(status.reason());
        }
    }

    private void failed(long gen, ConnectionFailure failure) {
        if (gen != generation || client == null) {
            log.debug("[{}] ignoring a report of a replaced client: {}", account, failure.describe());
            return;
        }
        ConnectionPhase before = phase;
        cancelTimers();
        teardown();
        lastError = failure.describe();
        if (failure instanceof RestartRequired) {
            // A success step after pairing: reconnect at once, not counted as a failure.
            Duration delay = Duration.ofMillis(random.nextLong(settings.restartDelay().toMillis() + 1));
            enter(new Reconnecting(attempt, now().plus(delay)), failure.describe() + ": reconnecting at once");
            scheduleAttempt(delay, "restart after " + failure.describe());
            return;
        }
        boolean trips;
        if (before instanceof Connected) {
            counters = counters.disconnect();
            trips = breaker.disconnected(now());
        } else {
            counters = counters.failedConnect();
            trips = breaker.connectFailed();
        }
        log.info("[{}] {} in {}", account, failure.describe(), before.state());
        switch (failure) {
            case Replaced r -> replaced();
            case LoggedOut l -> terminal(new ConnectionPhase.LoggedOut(), failure,
                    "the phone unlinked this device; the session was quarantined; pair again, then resume", true);
            case Banned b -> terminal(new ConnectionPhase.Banned(), failure,
                    "the account is banned or locked; the session was quarantined", true);
            case Outdated o -> terminal(new ConnectionPhase.Outdated(), failure,
                    "upgrade Blacksky (the session is kept), then resume", false);
            case PairingExpired p -> terminal(new ConnectionPhase.LoggedOut(), failure,
                    "not paired; run resume to show a new QR code", false);
            case TemporarilyBanned t -> suspend(t);
            case BadSession b -> {
                if (badSessionRepeated()) {
                    terminal(new ConnectionPhase.SessionCorrupt(), failure, settings.badSessionLimit()
                            + " bad-session errors within " + settings.badSessionWindow() + "; the session is kept,"
                            + " check it, then resume", false);
                } else {
                    retry(before, trips, Duration.ZERO);
                }
            }
            case ServiceUnavailable s -> retry(before, trips, settings.serviceUnavailableFloor());
            case NetworkError n -> retry(before, trips, Duration.ZERO);
            case StreamEnded s -> retry(before, trips, Duration.ZERO);
            case ConnectTimeout c -> retry(before, trips, Duration.ZERO);
            case Silent s -> retry(before, trips, Duration.ZERO);
            case RestartRequired r -> throw new AssertionError("handled above");
        }
    }

    private void retry(ConnectionPhase before, boolean trips, Duration floor) {
        Instant now = now();
        if (outageStart == null) {
            outageStart = now;
        }
        if (before instanceof Degraded || trips) {
            degrade(now);
            return;
        }
        attempt++;
        Duration delay = backoff.delay(attempt - 1, Duration.between(outageStart, now), floor);
        enter(new Reconnecting(attempt, now.plus(delay)), lastError + "; attempt " + attempt + " in " + seconds(delay));
        scheduleAttempt(delay, "attempt " + attempt);
    }

    // The breaker is open: pause, then a single probe; a failed probe pauses again. One alert per episode.
    private void degrade(Instant now) {
        breaker.reset();
        attempt++;
        Duration pause = settings.breakerOpenFor();
        if (!degradedEpisode) {
            degradedEpisode = true;
            alert("the connection keeps failing (" + lastError + "); pausing " + seconds(pause) + " between attempts");
        }
        enter(new Degraded(attempt, now.plus(pause)), lastError + "; probing again in " + seconds(pause));
        scheduleAttempt(pause, "probe");
    }

    private void replaced() {
        Instant now = now();
        // Replaced again soon after a resume: the other instance is still running, and fighting it would loop.
        boolean latched = resumedFromReplacedAt != null
                && Duration.between(resumedFromReplacedAt, now).compareTo(settings.replacedLatchWindow()) < 0;
        String why = latched
                ? "replaced again within " + settings.replacedLatchWindow() + " of a resume: latched; stop the other instance"
                        + " using this session, then restart"
                : "another instance took over this session; stop it, then resume";
        alert(why);
        enter(new ConnectionPhase.Replaced(latched), why);
    }

    private void terminal(ConnectionPhase next, ConnectionFailure failure, String advice, boolean quarantineSession) {
        String why = failure.describe() + ": " + advice;
        alert(why);
        if (quarantineSession) {
            try {
                quarantine.quarantine(account, failure.describe());
            } catch (RuntimeException e) {
                log.error("[{}] quarantining the session failed; it was left in place", account, e);
            }
        }
        enter(next, why);
    }

    private void suspend(TemporarilyBanned ban) {
        Instant now = now();
        Instant until = ban.expiresAt().plus(settings.temporaryBanBuffer());
        if (until.isBefore(now)) {
            until = now.plus(settings.temporaryBanBuffer());
        }
        String why = ban.describe() + "; no attempt before " + until;
        alert(why);
        enter(new Suspended(until), why);
        attempt = 0;
        outageStart = null;
        scheduleAttempt(Duration.between(now, until), "temporary ban over");
    }

    private boolean badSessionRepeated() {
        Instant now = now();
        badSessions.addLast(now);
        while (!badSessions.isEmpty() && !badSessions.peekFirst().isAfter(now.minus(settings.badSessionWindow()))) {
            badSessions.removeFirst();
        }
        return badSessions.size() >= settings.badSessionLimit();
    }

    // Liveness: probe after probe-after of silence, give up on the link after reconnect-after.
    private void check(long gen) {
        if (gen != generation || !(phase instanceof Connected) || client == null) {
            return;
        }
        Instant last = lastReceived;
        Duration silence = Duration.between(last, now());
        if (silence.compareTo(settings.reconnectAfterSilence()) >= 0) {
            failed(gen, new Silent(silence));
            return;
        }
        if (silence.compareTo(settings.probeAfter()) >= 0) {
            if (!probed) {
                probed = true;
                log.info("[{}] nothing received for {}; probing", account, seconds(silence));
                client.probe();
            }
            scheduleCheck(gen, Duration.between(now(), last.plus(settings.reconnectAfterSilence())));
        } else {
            probed = false;
            scheduleCheck(gen, Duration.between(now(), last.plus(settings.probeAfter())));
        }
    }

    private void scheduleCheck(long gen, Duration delay) {
        cancel(watchdog);
        watchdog = time.schedule(delay, () -> serial.execute(() -> check(gen)));
    }

    private void scheduleAttempt(Duration delay, String why) {
        cancel(attemptTimer);
        long token = ++timerToken;
        attemptTimer = time.schedule(delay, () -> serial.execute(() -> {
            if (token == timerToken && client == null && !(phase instanceof Stopped) && !phase.state().isTerminal()) {
                attemptNow(why);
            }
        }));
    }

    // ---- bookkeeping --------------------------------------------------------------------------------

    private void teardown() {
        ConnectionClient old = client;
        client = null;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                log.warn("[{}] closing the old client failed", account, e);
            }
        }
    }

    private void cancelTimers() {
        timerToken++;
        cancel(attemptTimer);
        cancel(connectDeadline);
        cancel(watchdog);
        cancel(stableTimer);
        attemptTimer = connectDeadline = watchdog = stableTimer = null;
    }

    private static void cancel(TimeSource.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void alert(String message) {
        counters = counters.alert();
        log.warn("[{}] ALERT: {}", account, message);
    }

    private void enter(ConnectionPhase next, String why) {
        ConnectionState previous = phase.state();
        phase = next;
        Instant now = now();
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

    private void record(String why) {
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
                lastError, counters, process.pid(), processStartedAt, now());
    }

    private Instant now() {
        return time.clock().instant();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : String.format("%.1f s",
                duration.toMillis() / 1000.0);
    }

    static ConnectionFailure classify(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectionFailedException failed) {
            return failed.failure();
        }
        if (cause instanceof TimeoutException) {
            return new NetworkError("timed out");
        }
        String message = cause.getMessage();
        return new NetworkError(cause.getClass().getSimpleName() + (message != null ? ": " + message : ""));
    }

    /** One attempt's view of the supervisor: reports from a client that is no longer current are dropped. */
    private final class Listener implements ClientListener {
        private final long gen;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void pairing() {
            serial.execute(() -> ConnectionSupervisor.this.pairing(gen));
        }

        @Override
        public void loggedIn() {
            serial.execute(() -> ConnectionSupervisor.this.loggedIn(gen));
        }

        @Override
        public void received() {
            if (gen == generation) {
                lastReceived = time.clock().instant();
            }
        }

        @Override
        public void failed(ConnectionFailure failure) {
            serial.execute(() -> ConnectionSupervisor.this.failed(gen, failure));
        }
    }
}
