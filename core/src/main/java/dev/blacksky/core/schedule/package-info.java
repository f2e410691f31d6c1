/**
 * Time for the host and its plugins: a {@link dev.blacksky.core.schedule.TimeSource} (system or manual, so
 * tests advance time instead of waiting) and the per-plugin schedulers built on it.
 */
package dev.blacksky.core.schedule;
