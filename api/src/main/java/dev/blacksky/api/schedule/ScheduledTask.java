package dev.blacksky.api.schedule;

/**
 * A task scheduled with a {@link PluginScheduler}.
 *
 * <pre>{@code
 * ScheduledTask poll = context.scheduler().scheduleAtFixedRate(Duration.ZERO, Duration.ofMinutes(5), this::poll);
 * ...
 * poll.cancel();
 * }</pre>
 */
public interface ScheduledTask {

    /**
     * Cancels the task; a run in progress finishes, no further run starts.
     *
     * @return true if this call cancelled it, false if it was already done or cancelled
     */
    boolean cancel();

    /**
     * Tells whether the task will not run again: it ran (one-shot), was cancelled, or its plugin stopped.
     *
     * @return true if done
     */
    boolean isDone();
}
