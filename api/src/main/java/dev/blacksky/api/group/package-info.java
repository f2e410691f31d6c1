/**
 * Groups: their subject, description and members ({@link dev.blacksky.api.group.GroupInfo}), and the
 * administration a group admin can do from a command ({@link dev.blacksky.api.group.Groups}).
 */
package dev.blacksky.api.group;
