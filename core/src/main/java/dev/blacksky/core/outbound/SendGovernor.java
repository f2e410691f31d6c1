package dev.blacksky.core.outbound;

import dev.blacksky.api.message.ChatId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * When the account may send next: token bucket, per-chat gap, hourly and daily caps, a ramp after each
 * connect, and each plugin's share for broadcasts. Not thread-safe: the outbound queue serialises it.
 */
final class SendGovernor {

    private final GovernorSettings limits;
    private final Map<ChatId, Instant> lastPerChat = new HashMap<>();
    private final Deque<Instant> lastHour = new ArrayDeque<>();
    private final Deque<Instant> lastDay = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> broadcastsToday = new HashMap<>();
    private double tokens;
    private Instant refilledAt;
    private Instant connectedAt;

    SendGovernor(GovernorSettings limits, Instant now) {
        this.limits = limits;
        this.tokens = limits.burst();
        this.refilledAt = now;
        this.connectedAt = now;
    }

    /** The connection came (back): start the ramp again; the burst shrinks in step with the rate. */
    void connected(Instant now) {
        connectedAt = now;
        tokens = Math.min(tokens, Math.max(1, limits.burst() * limits.rampStart()));
    }

    /** How long to wait before a message to {@code chat} from {@code origin} may go; zero when it may go now. */
    Duration delay(ChatId chat, Origin origin, Instant now) {
        refill(now);
        Duration wait = Duration.ZERO;
        if (tokens < 1) {
            double perSecond = rate(now) / 60.0;
            wait = max(wait, Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
        }
        Instant last = lastPerChat.get(chat);
        if (last != null) {
            wait = max(wait, Duration.between(now, last.plus(limits.perChatGap())));
        }
        prune(lastHour, now.minus(Duration.ofHours(1)));
        prune(lastDay, now.minus(Duration.ofDays(1)));
        if (lastHour.size() >= limits.perHour()) {
            wait = max(wait, Duration.between(now, lastHour.peekFirst().plus(Duration.ofHours(1))));
        }
        if (lastDay.size() >= limits.perDay()) {
            wait = max(wait, Duration.between(now, lastDay.peekFirst().plus(Duration.ofDays(1))));
        }
        Deque<Instant> broadcasts = origin.reply() ? null : broadcastsToday.get(origin.pluginId());
        if (broadcasts != null) {
            prune(broadcasts, now.minus(Duration.ofDays(1)));
            double share = limits.shareOf(origin.pluginId());
            wait = max(wait, overShare(broadcasts, now, Duration.ofHours(1), (int) Math.ceil(share * limits.perHour())));
            wait = max(wait, overShare(broadcasts, now, Duration.ofDays(1), (int) Math.ceil(share * limits.perDay())));
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    // How long until fewer than `allowed` of these sends lie within the trailing `window`.
    private static Duration overShare(Deque<Instant> sends, Instant now, Duration window, int allowed) {
        int inWindow = 0;
        Instant oldestCounted = null;
        for (java.util.Iterator<Instant> it = sends.descendingIterator(); it.hasNext(); ) {
            Instant at = it.next();
            if (!at.isAfter(now.minus(window))) {
                break;
            }
            inWindow++;
            oldestCounted = at;
            if (inWindow >= allowed) {
                return Duration.between(now, oldestCounted.plus(window));
            }
        }
        return Duration.ZERO;
    }

    /** A plugin's broadcasts in the last hour and the last day. */
    int[] broadcasts(String pluginId, Instant now) {
        Deque<Instant> sends = broadcastsToday.getOrDefault(pluginId, new ArrayDeque<>());
        prune(sends, now.minus(Duration.ofDays(1)));
        int lastHour = (int) sends.stream().filter(at -> at.isAfter(now.minus(Duration.ofHours(1)))).count();
        return new int[] {lastHour, sends.size()};
    }

    /** A message to {@code chat} from {@code origin} went out at {@code now}. */
    void sent(ChatId chat, Origin origin, Instant now) {
        if (!origin.reply()) {
            broadcastsToday.computeIfAbsent(origin.pluginId(), p -> new ArrayDeque<>()).addLast(now);
        }
        refill(now);
        tokens = Math.max(0, tokens - 1);
        lastPerChat.put(chat, now);
        lastHour.addLast(now);
        lastDay.addLast(now);
        if (lastPerChat.size() > 10_000) {
            Instant stale = now.minus(limits.perChatGap());
            lastPerChat.values().removeIf(t -> t.isBefore(stale));
        }
    }

    // The sustained rate, scaled from ramp-start up to 100% over ramp-after-connect.
    double rate(Instant now) {
        long ramp = limits.rampAfterConnect().toMillis();
        double since = Duration.between(connectedAt, now).toMillis();
        double share = ramp <= 0 || since >= ramp ? 1 : limits.rampStart() + (1 - limits.rampStart()) * since / ramp;
        return limits.perMinute() * share;
    }

    private void refill(Instant now) {
        double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
        if (seconds > 0) {
            tokens = Math.min(limits.burst(), tokens + seconds * rate(now) / 60.0);
            refilledAt = now;
        }
    }

    private static void prune(Deque<Instant> window, Instant before) {
        while (!window.isEmpty() && window.peekFirst().isBefore(before)) {
            window.pollFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
