package dev.blacksky.bench;

import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.User;
import dev.blacksky.api.message.UserId;
import java.time.Instant;

/** The workload's message rules: who sends message i, its text, and the reply it expects (docs/benchmarks.md). */
final class Workload {

    static final int USERS = 4;
    static final long WARMUP_BASE = 1_000_000_000L;

    private final int n;
    private final Chat[] chats = new Chat[USERS];
    private final User[] users = new User[USERS];

    Workload(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("N must be at least 1, was " + n);
        }
        this.n = n;
        for (int u = 0; u < USERS; u++) {
            chats[u] = new Chat(ChatId.of("u" + u), ChatType.PRIVATE, "u" + u);
            users[u] = new User(UserId.of("u" + u), "u" + u);
        }
    }

    static int user(long i) {
        return (int) (i % USERS);
    }

    static boolean expectsReply(long i) {
        return i % 10 != 9;
    }

    /** Whether the reply to message i is checked for its exact text. */
    static boolean sampled(long i) {
        return (i & 1023) == 0;
    }

    /** The command index t of a message that expects a reply; t == N means ping. */
    private int target(long i) {
        long j = i - i / 10;
        return (int) (j % (n + 1));
    }

    String text(long i) {
        if (!expectsReply(i)) {
            return i % 20 == 9 ? "!nosuchcmd " + i : "just chatting " + i;
        }
        int t = target(i);
        return t == n ? "!ping" : "!cmd" + t + " hello " + i;
    }

    /** The exact reply message i expects; only meaningful when {@link #expectsReply} is true. */
    String expectedReply(long i) {
        return target(i) == n ? "pong" : "hello " + i;
    }

    Message message(long i) {
        int u = user(i);
        return Message.text("m" + i, chats[u], users[u], text(i), Instant.now());
    }

    /** The user index whose private chat this is, or -1 for a chat the workload never uses. */
    int chatIndex(ChatId chat) {
        for (int u = 0; u < USERS; u++) { // replies carry the very ChatId the message had: identity first, cheap
            if (chats[u].id() == chat) {
                return u;
            }
        }
        for (int u = 0; u < USERS; u++) {
            if (chats[u].id().equals(chat)) {
                return u;
            }
        }
        return -1;
    }
}
