package dev.blacksky.core.connection;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.Uninterruptibles;
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
import dev.blacksky.core.connection.ConnectionFailure.SessionDamaged;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one account connected: one serial executor runs the state machine, so one connect is in flight at most.
 * It never deletes a session, never changes identity and never exits the process.
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
    private final Liveness liveness;
    private final SlidingWindow badSessions;
    private final Executor serial;
    private final Transitions state;
    private final SessionQuarantine quarantine;

    // Touched only on the serial executor, except the volatile ones (read by client threads).
    private volatile long generation;
    private volatile Instant lastReceived;
    private ConnectionClient client;
    private int attempt;
    private Instant outageStart;
    private boolean degradedEpisode;
    private boolean probed;
    private Instant resumedFromReplacedAt;
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
        this.liveness = new Liveness(settings);
        this.badSessions = new SlidingWindow(settings.badSessionLimit(), settings.badSessionWindow());
        this.serial = MoreExecutors.newSequentialExecutor(executor);
        this.state = new Transitions(account, time.clock(), publisher, recorder);
        this.quarantine = quarantine;
    }

    public String account() {
        return account;
    }

    /** The current state and what it carries. */
    public ConnectionPhase phase() {
        return state.phase();
    }

    /** The latest status, as also written to the status file. */
    public ConnectionStatus status() {
        return state.status();
    }

    /** Makes the first attempt. */
    public void start() {
        inOrder(() -> {
            if (state.phase() instanceof Starting) {
                attemptNow("starting");
            }
        });
    }

    /** Closes the client and moves to STOPPED; nothing is retried afterwards. Waits until done, at most 30 s. */
    public void stop() {
        CountDownLatch done = new CountDownLatch(1);
        inOrder(() -> {
            try {
                if (!(state.phase() instanceof Stopped)) {
                    cancelTimers();
                    teardown();
                    generation++;
                    state.enter(new Stopped(), "stopping");
                }
            } finally {
                done.countDown();
            }
        });
        if (!Uninterruptibles.awaitUninterruptibly(done, 30, TimeUnit.SECONDS)) {
            log.error("[{}] the connection supervisor did not stop within 30 s (a client call that never returns?);"
                    + " stopping without it", account);
        }
    }

    /**
     * The operator's way out of a state that waits: one attempt now from REPLACED, LOGGED_OUT, BANNED,
     * CLIENT_OUTDATED, SESSION_CORRUPT, SUSPENDED, DEGRADED or RECONNECTING. Refused once REPLACED has latched.
     */
    public void resume() {
        inOrder(() -> {
            ConnectionPhase current = state.phase();
            if (current instanceof ConnectionPhase.Replaced replaced && replaced.latched()) {
                log.warn("[{}] resume refused: replaced again within {} of the last resume; stop the other"
                        + " instance and restart this one", account, settings.replacedLatchWindow());
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
     * Forces a fresh connection. Triggers about a link already replaced, or during an attempt, collapse into it;
     * states waiting for an operator ignore it (see {@link #resume()}).
     */
    public void reconnect(String why) {
        long seen = generation;
        inOrder(() -> {
            if (seen != generation) {
                log.debug("[{}] reconnect ({}) collapsed into the attempt already made", account, why);
                return;
            }
            switch (state.phase()) {
                case Connected c -> attemptNow("reconnect requested: " + why);
                case Reconnecting r -> attemptNow("reconnect requested: " + why);
                case Degraded d -> attemptNow("reconnect requested: " + why);
                default -> log.debug("[{}] reconnect ({}) ignored in {}", account, why, state.phase().state());
            }
        });
    }

    // Every trigger runs here, one at a time and in order, so the supervisor's state needs no locks. A task's
    // failure, an Error included, is logged and the next task runs: a client library that fails to link must
    // not leave the supervisor wedged, with every later trigger and stop() waiting behind it.
    private void inOrder(Runnable task) {
        serial.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal; // out of memory and the like: the process's handler decides
                }
                log.error("[{}] a connection supervisor task failed", account, e);
            }
        });
    }

    // ---- the serialized path ----------------------------------------------------------------------

    private void attemptNow(String why) {
        cancelTimers();
        teardown();
        long gen = ++generation;
        state.count(ConnectionCounters::attempt);
        if (state.phase() instanceof Degraded degraded) {
            state.record("probing after the DEGRADED pause (attempt " + degraded.attempt() + ")");
        } else {
            state.enter(new Connecting(attempt), why);
        }
        CompletionStage<Void> login;
        try {
            client = clients.create(account, new Listener(gen));
            state.client(client.clientInfo());
            login = client.connect();
        } catch (RuntimeException | LinkageError e) { // a client library that fails to load is a failed attempt too
            if (client == null) {
                client = new Unbuilt();
            }
            login = CompletableFuture.failedFuture(e);
        }
        connectDeadline = time.schedule(settings.connectTimeout(),
                () -> inOrder(() -> failed(gen, new ConnectTimeout(settings.connectTimeout()))));
        login.whenComplete((ok, error) -> inOrder(() -> {
            if (error == null) {
                loggedIn(gen);
            } else {
                failed(gen, ConnectionFailure.of(error));
            }
        }));
    }

    private void pairing(long gen) {
        if (gen != generation || !(state.phase() instanceof Connecting)) {
            return;
        }
        cancel(connectDeadline);
        state.enter(new Pairing(attempt), "waiting for a phone to scan the QR code");
        connectDeadline = time.schedule(settings.pairingTimeout(),
                () -> inOrder(() -> failed(gen, new PairingExpired(settings.pairingTimeout()))));
    }

    private void loggedIn(long gen) {
        if (gen != generation || client == null || state.phase() instanceof Connected) {
            return;
        }
        cancel(connectDeadline);
        state.count(ConnectionCounters::connect);
        breaker.connected();
        lastReceived = now();
        probed = false;
        state.enter(new Connected(), attempt == 0 ? "logged in" : "logged in after " + attempt + " attempt(s)");
        scheduleCheck(gen, liveness.firstCheck());
        stableTimer = time.schedule(settings.stableAfter(), () -> inOrder(() -> stable(gen)));
    }

    // The link held long enough: the outage is over, so the next one starts from the smallest delay.
    private void stable(long gen) {
        if (gen == generation && state.phase() instanceof Connected) {
            attempt = 0;
            outageStart = null;
            degradedEpisode = false;
            state.record(state.status().reason());
        }
    }

    private void failed(long gen, ConnectionFailure failure) {
        if (gen != generation || client == null) {
            log.debug("[{}] ignoring a report of a replaced client: {}", account, failure.describe());
            return;
        }
        ConnectionPhase before = state.phase();
        cancelTimers();
        teardown();
        state.failed(failure);
        if (failure instanceof RestartRequired) {
            // A success step after pairing: reconnect at once, not counted as a failure.
            Duration delay = Duration.ofMillis(random.nextLong(settings.restartDelay().toMillis() + 1));
            state.enter(new Reconnecting(attempt, now().plus(delay)), failure.describe() + ": reconnecting at once");
            scheduleAttempt(delay, "restart after " + failure.describe());
            return;
        }
        boolean trips;
        if (before instanceof Connected) {
            state.count(ConnectionCounters::disconnect);
            trips = breaker.disconnected(now());
        } else {
            state.count(ConnectionCounters::failedConnect);
            trips = breaker.connectFailed();
        }
        log.info("[{}] {} in {}", account, failure.describe(), before.state());
        switch (failure) {
            case Replaced r -> replaced();
            case LoggedOut l -> terminal(new ConnectionPhase.LoggedOut(), failure,
                    "the phone unlinked this device; the session was quarantined; restart the bot to pair again", true);
            case Banned b -> terminal(new ConnectionPhase.Banned(), failure,
                    "the account is banned or locked; the session was quarantined", true);
            case Outdated o -> terminal(new ConnectionPhase.Outdated(), failure,
                    "WhatsApp refused this client's revision as outdated (405); the session is kept exactly as it is."
                    + " Set blacksky.whatsapp.client-version to the current WhatsApp Web revision (or \"latest\"),"
                    + " then restart the bot: it resumes the same session", false);
            case PairingExpired p -> terminal(new ConnectionPhase.LoggedOut(), failure,
                    "not paired; restart the bot to show a new QR code", false);
            case TemporarilyBanned t -> suspend(t);
            case BadSession b -> {
                if (badSessions.add(now())) {
                    terminal(new ConnectionPhase.SessionCorrupt(), failure, settings.badSessionLimit()
                            + " bad-session errors within " + settings.badSessionWindow() + "; the session is kept,"
                            + " check it, then restart the bot", false);
                } else {
                    retry(before, trips, Duration.ZERO);
                }
            }
            case SessionDamaged d -> terminal(new ConnectionPhase.SessionCorrupt(), failure,
                    "restore a backup with 'blacksky session restore' or pair again after 'blacksky session reset --yes',"
                    + " then restart the bot", false);
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
            // Once per outage on the terminal (warnings reach stderr): a silent screen looks like a hang.
            log.warn("[{}] the WhatsApp connection is down ({}); retrying with growing delays, see 'blacksky status'",
                    account, state.lastError());
        }
        if (before instanceof Degraded || trips) {
            degrade(now);
            return;
        }
        attempt++;
        Duration delay = backoff.delay(attempt - 1, Duration.between(outageStart, now), floor);
        state.enter(new Reconnecting(attempt, now.plus(delay)),
                state.lastError() + "; attempt " + attempt + " in " + seconds(delay));
        scheduleAttempt(delay, "attempt " + attempt);
    }

    // The breaker is open: pause, then a single probe; a failed probe pauses again. One alert per episode.
    private void degrade(Instant now) {
        breaker.reset();
        attempt++;
        Duration pause = settings.breakerOpenFor();
        if (!degradedEpisode) {
            degradedEpisode = true;
            state.alert("the connection keeps failing (" + state.lastError() + "); pausing " + seconds(pause)
                    + " between attempts");
        }
        state.enter(new Degraded(attempt, now.plus(pause)), state.lastError() + "; probing again in " + seconds(pause));
        scheduleAttempt(pause, "probe");
    }

    private void replaced() {
        // Replaced again soon after a resume: the other instance is still running, and fighting it would loop.
        boolean latched = resumedFromReplacedAt != null
                && Duration.between(resumedFromReplacedAt, now()).compareTo(settings.replacedLatchWindow()) < 0;
        String why = latched
                ? "replaced again within " + settings.replacedLatchWindow() + " of a resume: latched; stop the other"
                        + " instance using this session, then restart"
                : "another instance took over this session; stop it, then restart this one";
        state.alert(why);
        state.enter(new ConnectionPhase.Replaced(latched), why);
    }

    private void terminal(ConnectionPhase next, ConnectionFailure failure, String advice, boolean quarantineSession) {
        String why = failure.describe() + ": " + advice;
        state.alert(why);
        if (quarantineSession) {
            try {
                quarantine.quarantine(account, failure.describe());
            } catch (RuntimeException e) {
                log.error("[{}] quarantining the session failed; it was left in place", account, e);
            }
        }
        state.enter(next, why);
    }

    private void suspend(TemporarilyBanned ban) {
        Instant now = now();
        Instant until = ban.expiresAt().plus(settings.temporaryBanBuffer());
        if (until.isBefore(now)) {
            until = now.plus(settings.temporaryBanBuffer());
        }
        String why = ban.describe() + "; no attempt before " + until;
        state.alert(why);
        state.enter(new Suspended(until), why);
        attempt = 0;
        outageStart = null;
        scheduleAttempt(Duration.between(now, until), "temporary ban over");
    }

    private void check(long gen) {
        if (gen != generation || !(state.phase() instanceof Connected) || client == null) {
            return;
        }
        switch (liveness.judge(lastReceived, now())) {
            case Liveness.Verdict.Dead dead -> failed(gen, new Silent(dead.silence()));
            case Liveness.Verdict.Probe probe -> {
                if (!probed) {
                    probed = true;
                    log.info("[{}] nothing received for {}; probing", account, seconds(probe.silence()));
                    client.probe();
                }
                scheduleCheck(gen, probe.checkAgainIn());
            }
            case Liveness.Verdict.Healthy healthy -> {
                probed = false;
                scheduleCheck(gen, healthy.checkAgainIn());
            }
        }
    }

    private void scheduleCheck(long gen, Duration delay) {
        cancel(watchdog);
        watchdog = time.schedule(delay, () -> inOrder(() -> check(gen)));
    }

    private void scheduleAttempt(Duration delay, String why) {
        cancel(attemptTimer);
        long token = ++timerToken;
        attemptTimer = time.schedule(delay, () -> inOrder(() -> {
            ConnectionPhase current = state.phase();
            if (token == timerToken && client == null && !(current instanceof Stopped) && !current.state().isTerminal()) {
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

    /** Stands for a client whose creation failed, so that the failure is handled like any failed attempt. */
    private static final class Unbuilt implements ConnectionClient {
        @Override
        public CompletionStage<Void> connect() {
            return CompletableFuture.failedFuture(new IllegalStateException("the client was not built"));
        }

        @Override
        public void probe() {
        }

        @Override
        public void close() {
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

    private Instant now() {
        return time.clock().instant();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /** One attempt's view of the supervisor: reports from a client that is no longer current are dropped. */
    private final class Listener implements ClientListener {
        private final long gen;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void pairing() {
            inOrder(() -> ConnectionSupervisor.this.pairing(gen));
        }

        @Override
        public void loggedIn() {
            inOrder(() -> ConnectionSupervisor.this.loggedIn(gen));
        }

        @Override
        public void received() {
            if (gen == generation) {
                lastReceived = time.clock().instant();
            }
        }

        @Override
        public void failed(ConnectionFailure failure) {
            inOrder(() -> ConnectionSupervisor.this.failed(gen, failure));
        }
    }
}
