/** Groups as plugins see them: information from the transport, and changes only where the bot is an admin. */
package dev.blacksky.core.group;
