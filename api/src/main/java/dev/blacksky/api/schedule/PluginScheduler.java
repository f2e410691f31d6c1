package dev.blacksky.api.schedule;

import java.time.Duration;

/**
 * Runs a plugin's tasks later or periodically, on host threads; the host cancels them all when the
 * plugin stops, so a reload never leaves a stray timer behind.
 *
 * <pre>{@code
 * context.scheduler().schedule(Duration.ofMinutes(10), () ->
 *         context.messenger().send(chat, "Time to stretch!"));
 * }</pre>
 *
 * <p>Time is the host's clock, which the testkit controls: tests advance it instead of waiting. A task that
 * throws is logged with the plugin id; a periodic task keeps its schedule.
 */
public interface PluginScheduler {

    /**
     * Runs a task once, after a delay.
     *
     * @param delay how long to wait, zero or more
     * @param task what to run
     * @return a handle to cancel it
     */
    ScheduledTask schedule(Duration delay, Runnable task);

    /**
     * Runs a task repeatedly: first after {@code initialDelay}, then every {@code period}.
     *
     * @param initialDelay how long to wait before the first run, zero or more
     * @param period the time between the starts of two runs, positive
     * @param task what to run
     * @return a handle to cancel it
     */
    ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);
}
