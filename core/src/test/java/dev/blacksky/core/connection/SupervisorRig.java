package dev.blacksky.core.connection;

import com.typesafe.config.ConfigFactory;
import dev.blacksky.api.event.ConnectionState;
import dev.blacksky.api.event.ConnectionStateChangedEvent;
import dev.blacksky.core.connection.simulated.SimulatedClients;
import dev.blacksky.core.schedule.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** A supervisor on a simulated WhatsApp and a manual clock, with everything it reports recorded. */
final class SupervisorRig {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final ManualTimeSource time = new ManualTimeSource(T0);
    final SimulatedClients whatsapp = new SimulatedClients(time, Duration.ofSeconds(25));
    final List<ConnectionStateChangedEvent> events = new CopyOnWriteArrayList<>();
    final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    final List<String> quarantined = new CopyOnWriteArrayList<>();
    final ConnectionSettings settings;
    final HeldExecutor executor = new HeldExecutor();
    final ConnectionSupervisor supervisor;

    SupervisorRig() {
        this(42);
    }

    SupervisorRig(long seed) {
        this(seed, defaults());
    }

    SupervisorRig(long seed, ConnectionSettings settings) {
        this.settings = settings;
        this.supervisor = new ConnectionSupervisor("main", settings, whatsapp, time, new Random(seed), executor,
                events::add, statuses::add, (account, reason) -> quarantined.add(account + ": " + reason));
    }

    static ConnectionSettings defaults() {
        return ConnectionSettings.from(ConfigFactory.defaultReference());
    }

    /** Starts and advances until connected (a paired session on an up network connects at once). */
    SupervisorRig connected() {
        supervisor.start();
        if (state() != ConnectionState.CONNECTED) {
            throw new AssertionError("expected CONNECTED, got " + supervisor.status());
        }
        return this;
    }

    /**
     * Runs supervisor work on the submitting thread, or, while held, queues it so that several triggers
     * can be lined up from several threads before any of them is handled.
     */
    static final class HeldExecutor implements java.util.concurrent.Executor {
        private final java.util.Queue<Runnable> held = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private volatile boolean holding;

        @Override
        public void execute(Runnable task) {
            if (holding) {
                held.add(task);
            } else {
                task.run();
            }
        }

        void hold() {
            holding = true;
        }

        void release() {
            holding = false;
            Runnable next;
            while ((next = held.poll()) != null) {
                next.run();
            }
        }
    }

    ConnectionState state() {
        return supervisor.phase().state();
    }

    void advance(Duration duration) {
        time.advance(duration);
    }

    /** Advances in one-second steps until {@code state} or {@code limit}; returns how long it took, or null. */
    Duration advanceUntil(ConnectionState state, Duration limit) {
        Instant start = time.now();
        while (state() != state) {
            if (Duration.between(start, time.now()).compareTo(limit) >= 0) {
                return null;
            }
            time.advance(Duration.ofSeconds(1));
        }
        return Duration.between(start, time.now());
    }

    /** Connect attempts made so far; tests compare before and after. */
    int attempts() {
        return whatsapp.attempts().size();
    }

    long entered(ConnectionState state) {
        return events.stream().filter(e -> e.current() == state).count();
    }
}
