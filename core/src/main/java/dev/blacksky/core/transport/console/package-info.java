/** The console transport: stdin lines in, replies on stdout; no WhatsApp account needed. */
package dev.blacksky.core.transport.console;
