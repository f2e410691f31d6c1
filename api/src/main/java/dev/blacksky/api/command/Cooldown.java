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
 * @param kept whether the cooldown survives a restart (see {@link #keptAcrossRestarts()})
 */
public record Cooldown(Duration duration, CooldownScope scope, boolean kept) {

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
     * A cooldown forgotten when the bot restarts.
     *
     * @param duration how long
     * @param scope what is counted separately
     */
    public Cooldown(Duration duration, CooldownScope scope) {
        this(duration, scope, false);
    }

    /**
     * One cooldown per user in each chat.
     *
     * @param duration how long a member waits between two uses in the same chat
     * @return the cooldown
     */
    public static Cooldown perMember(Duration duration) {
        return new Cooldown(duration, CooldownScope.MEMBER);
    }

    /**
     * The same cooldown, kept in the bot's database so that a restart does not lift it (for long ones:
     * a daily reward, a weekly poll).
     *
     * <pre>{@code
     * .cooldown(Cooldown.perUser(Duration.ofDays(1)).keptAcrossRestarts())
     * }</pre>
     *
     * @return a copy that survives restarts
     */
    public Cooldown keptAcrossRestarts() {
        return new Cooldown(duration, scope, true);
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
