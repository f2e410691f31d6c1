package dev.blacksky.core.plugin;

import com.google.common.util.concurrent.Uninterruptibles;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds the threads a plugin started and left running, interrupts them, and names those that would not end. */
final class LeftoverThreads {

    private LeftoverThreads() {
    }

    static List<Thread> of(ClassLoader loader) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t != Thread.currentThread() && t.isAlive())
                .filter(t -> t.getContextClassLoader() == loader || t.getClass().getClassLoader() == loader)
                .toList();
    }

    /** Interrupts the plugin's threads and waits up to {@code grace} for them; returns those still alive. */
    static List<Thread> stop(ClassLoader loader, long graceMillis) {
        List<Thread> threads = of(loader);
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (Thread thread : threads) {
            Uninterruptibles.joinUninterruptibly(thread, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }
}
