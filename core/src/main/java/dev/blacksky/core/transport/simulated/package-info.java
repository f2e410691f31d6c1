/**
 * The simulated transport: in memory and scriptable, for tests, the testkit and rehearsals. It records what
 * the bot sends and lets a script deliver messages or inject failures.
 */
package dev.blacksky.core.transport.simulated;
