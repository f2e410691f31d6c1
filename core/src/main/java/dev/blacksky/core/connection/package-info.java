/** The connection supervisor: one per account, a state machine with jittered backoff, a flap breaker and a watchdog. */
package dev.blacksky.core.connection;
