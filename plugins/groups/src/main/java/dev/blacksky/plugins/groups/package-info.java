/**
 * The group toolkit: {@code !tagall}, {@code !kick}, {@code !promote}, {@code !demote}, {@code !groupinfo},
 * and an anti-link guard turned on per group with {@code !antilink on}. The example of real mentions,
 * group administration and deleting messages.
 */
package dev.blacksky.plugins.groups;
