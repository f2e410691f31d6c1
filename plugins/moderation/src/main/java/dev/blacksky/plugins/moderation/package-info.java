/**
 * Group moderation, the example of access rules (group admins only), chat scope (groups only), cooldowns
 * (per user, per chat) and a listener ({@link dev.blacksky.plugins.moderation.Welcome} greets new members).
 */
package dev.blacksky.plugins.moderation;
