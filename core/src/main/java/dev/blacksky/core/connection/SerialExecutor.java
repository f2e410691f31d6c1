package dev.blacksky.core.connection;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs submitted tasks one at a time, in order, on the delegate: the single path through which every
 * trigger (client callbacks, timers, operator commands) reaches the supervisor, so its state needs no locks.
 * With a direct delegate ({@code Runnable::run}) tasks run on the submitting thread, which tests rely on.
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor delegate;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (running.compareAndSet(false, true)) {
            delegate.execute(this::drain);
        }
    }

    // A task's failure, an Error included, is logged and the next task runs: one failing task must not leave the
    // executor marked running with nobody draining it, which would wedge every later trigger and stop().
    private void drain() {
        do {
            Runnable next;
            while ((next = queue.poll()) != null) {
                try {
                    next.run();
                } catch (RuntimeException | Error e) {
                    if (e instanceof VirtualMachineError fatal) {
                        running.set(false);
                        throw fatal; // out of memory and the like: the process's handler decides
                    }
                    log.error("A connection supervisor task failed", e);
                }
            }
            running.set(false);
            // a task added between the last poll and the flag reset is ours to run
        } while (!queue.isEmpty() && running.compareAndSet(false, true));
    }
}
