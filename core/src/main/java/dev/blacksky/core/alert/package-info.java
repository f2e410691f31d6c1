/** Telling a human when the bot needs one: a webhook for operators, a WhatsApp message for owners. */
package dev.blacksky.core.alert;
