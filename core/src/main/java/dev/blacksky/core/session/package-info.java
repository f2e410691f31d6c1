/** The WhatsApp session on disk; {@link dev.blacksky.core.session.SessionService} is the front door. */
package dev.blacksky.core.session;
