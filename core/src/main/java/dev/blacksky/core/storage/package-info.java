/**
 * Plugin storage: one SQLite database in WAL mode in the data folder, one namespace per plugin. SQLite
 * because it is transactional, crash-safe and embedded: nothing to install, nothing to run beside the bot.
 */
package dev.blacksky.core.storage;
