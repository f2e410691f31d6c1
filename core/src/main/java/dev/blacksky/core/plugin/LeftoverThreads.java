package dev.blacksky.core.plugin;

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
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }
}
