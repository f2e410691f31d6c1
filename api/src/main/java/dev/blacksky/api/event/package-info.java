/**
 * Events beyond commands: {@link dev.blacksky.api.event.BotEvent} and its records, delivered to
 * {@link dev.blacksky.api.event.EventListener} extensions (or {@link dev.blacksky.api.event.EventAdapter}
 * subclasses, which get one method per event).
 *
 * <p>{@code BotEvent} is sealed so that only the host creates events. New event types may be added in a
 * minor version: a {@code switch} over events must keep a {@code default} branch.
 */
package dev.blacksky.api.event;
