/**
 * Personal notes and reminders, the example of configuration ({@code plugins.notes}), storage (notes and
 * pending reminders survive restarts) and the scheduler (reminders fire on time, and are re-armed at start).
 */
package dev.blacksky.plugins.notes;
