/**
 * Delayed and periodic tasks for plugins: {@link dev.blacksky.api.schedule.PluginScheduler} and
 * {@link dev.blacksky.api.schedule.ScheduledTask}. The host cancels a plugin's tasks when it stops.
 */
package dev.blacksky.api.schedule;
