/**
 * A simulated WhatsApp behind the connection supervisor: scriptable faults and observable sockets, for
 * tests, the testkit and fault rehearsals.
 */
package dev.blacksky.core.connection.simulated;
