/**
 * The WhatsApp transport on Cobalt (WhatsApp Web): the client the supervisor drives, what its frames mean,
 * and how its messages become ours. Cobalt's own
 * disconnect reason is always DISCONNECTED in 0.0.10, so the cause is read from the
 * stanzas its node listener sees.
 */
package dev.blacksky.core.whatsapp;
