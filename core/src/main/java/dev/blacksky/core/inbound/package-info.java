/**
 * Durable intake for network transports: every message is journaled before dispatch and marked done after,
 * so a crash after the network's acknowledgement loses nothing, and a redelivery is never handled twice.
 */
package dev.blacksky.core.inbound;
