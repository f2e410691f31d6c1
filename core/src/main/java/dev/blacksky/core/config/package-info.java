/** Loads, layers and validates the configuration; defaults live only in {@code reference.conf}. */
package dev.blacksky.core.config;
