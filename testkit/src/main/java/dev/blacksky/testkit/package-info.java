/**
 * Test plugins in about ten lines: {@link dev.blacksky.testkit.BlackskyTest} starts a real Blacksky host on the
 * simulated transport, loads your plugin through the real PF4J path, lets you speak as any user in any chat,
 * and controls the clock.
 *
 * <pre>{@code
 * class PingTest {
 *     @RegisterExtension
 *     BlackskyTest bot = BlackskyTest.plugin("basics", Ping.class);
 *
 *     @Test
 *     void ping_answers_pong() {
 *         bot.user("alice").says("!ping").expectReply("pong");
 *     }
 * }
 * }</pre>
 */
package dev.blacksky.testkit;
