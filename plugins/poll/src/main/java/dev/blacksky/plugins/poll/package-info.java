/**
 * Group polls, the example of sub-commands, list and optional arguments, native WhatsApp polls, records in
 * the store, a start hook that re-arms timers, and listeners for one event type each.
 */
package dev.blacksky.plugins.poll;
