/** The WhatsApp transport on Cobalt; the cause of a disconnect is read from the stanzas, not Cobalt's reason. */
package dev.blacksky.core.whatsapp;
