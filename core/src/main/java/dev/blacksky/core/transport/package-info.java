/** The transport SPI: how messages enter the host and replies leave it. One implementation per backend. */
package dev.blacksky.core.transport;
