/**
 * The Cobalt (WhatsApp Web) side of the connection: what Cobalt's frames mean for the supervisor. Cobalt's own
 * disconnect reason is always DISCONNECTED in 0.0.10 (cobalt.md section 4), so the cause is read from the
 * stanzas its node listener sees.
 */
package dev.blacksky.core.connection.whatsapp;
