/**
 * The message model: {@link dev.blacksky.api.message.Message}, who sent it
 * ({@link dev.blacksky.api.message.User}) and where ({@link dev.blacksky.api.message.Chat}).
 *
 * <p>All types are immutable records, safe to share between threads. Ids are normalised by the host:
 * a WhatsApp user is identified by the digits of its phone number (for example {@code "391234567890"})
 * wherever the host can map it, so that ids compare equal whichever form WhatsApp used.
 */
package dev.blacksky.api.message;
