package dev.blacksky.api.command;

import java.time.Duration;
import java.util.Objects;

/**
 * The minimum time between two runs of a command, counted per user, per chat or globally. A user who is
 * too early is told once how long to wait; further attempts during the same cooldown stay unanswered.
 *
 * <pre>{@code
 * CommandSpec.named("roll").cooldown(Cooldown.perUser(Duration.ofSeconds(10)))...
 * }</pre>
 *
 * @param duration how long to wait between runs, positive
 * @param scope what is counted separately
 */
public record Cooldown(Duration duration, CooldownScope scope) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public Cooldown {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(scope, "scope");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a cooldown must be positive, got " + duration);
        }
    }

    /**
     * Creates a cooldown.
     *
     * @param duration how long to wait between runs
     * @param scope what is counted separately
     * @return the cooldown
     */
    public static Cooldown of(Duration duration, CooldownScope scope) {
        return new Cooldown(duration, scope);
    }

    /**
     * Creates a cooldown counted per user.
     *
     * @param duration how long each user waits between runs
     * @return the cooldown
     */
    public static Cooldown perUser(Duration duration) {
        return new Cooldown(duration, CooldownScope.USER);
    }

    /**
     * Creates a cooldown counted per chat.
     *
     * @param duration how long each chat waits between runs
     * @return the cooldown
     */
    public static Cooldown perChat(Duration duration) {
        return new Cooldown(duration, CooldownScope.CHAT);
    }

    /**
     * Creates one cooldown shared by everybody.
     *
     * @param duration how long everybody waits between runs
     * @return the cooldown
     */
    public static Cooldown global(Duration duration) {
        return new Cooldown(duration, CooldownScope.GLOBAL);
    }
}
