/**
 * The WhatsApp session on disk: one folder per account, an exclusive OS lock held for the process lifetime,
 * crash-safe writes, checksummed rotating backups, validation before load, and quarantine instead of delete.
 * {@link dev.blacksky.core.session.SessionService} is the front door; {@link
 * dev.blacksky.core.session.GuardedSerializer} is what Cobalt writes through.
 */
package dev.blacksky.core.session;
