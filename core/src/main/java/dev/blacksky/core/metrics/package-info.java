/** Meters: one Prometheus registry for the host, the JVM's meters and the host's own gauges and counters. */
package dev.blacksky.core.metrics;
