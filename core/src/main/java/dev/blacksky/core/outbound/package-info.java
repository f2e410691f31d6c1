/** The outbound path every send takes, commands and plugins alike: the place the send governor and outbox sit. */
package dev.blacksky.core.outbound;
