/** The {@code blacksky} command line (picocli): run, and later status, session and plugins. */
package dev.blacksky.core.cli;
