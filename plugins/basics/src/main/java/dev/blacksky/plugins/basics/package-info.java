/**
 * The smallest useful plugin, and the one to copy: {@code ping}, {@code echo} and {@code uptime}.
 * Each command is one class annotated with PF4J's {@code @Extension}.
 */
package dev.blacksky.plugins.basics;
