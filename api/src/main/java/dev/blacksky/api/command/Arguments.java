package dev.blacksky.api.command;

import java.util.Optional;

/**
 * The parsed arguments of one invocation, read with the {@link Argument} constants the spec declared.
 *
 * <pre>{@code
 * long count = ctx.args().get(COUNT);                 // required: always present
 * String note = ctx.args().find(NOTE).orElse("");     // optional: may be absent
 * String raw = ctx.args().raw();                      // everything after the command word
 * }</pre>
 */
public interface Arguments {

    /**
     * Returns the value of a required argument, or of an optional one known to be present.
     *
     * @param argument the argument, as declared in the spec (looked up by name)
     * @param <T> the value's type
     * @return the value
     * @throws IllegalArgumentException if the argument was not declared by this command, or is absent
     */
    <T> T get(Argument<T> argument);

    /**
     * Returns the value of an argument, if present.
     *
     * @param argument the argument, as declared in the spec (looked up by name)
     * @param <T> the value's type
     * @return the value, or empty when an optional argument was left out
     * @throws IllegalArgumentException if the argument was not declared by this command
     */
    <T> Optional<T> find(Argument<T> argument);

    /**
     * Returns everything after the command word, as typed, without the separating space.
     *
     * @return the raw argument text, possibly empty
     */
    String raw();
}
