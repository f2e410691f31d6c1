package dev.blacksky.core.connection;

import java.time.Duration;
import java.time.Instant;

/** Judges a connected link by its silence, the only evidence of a half-open link. Pure: the supervisor acts. */
final class Liveness {

    private final Duration probeAfter;
    private final Duration deadAfter;

    Liveness(ConnectionSettings settings) {
        this.probeAfter = settings.probeAfter();
        this.deadAfter = settings.reconnectAfterSilence();
    }

    /** What to do now, given the last frame received; each live verdict says when to look again. */
    Verdict judge(Instant lastReceived, Instant now) {
        Duration silence = Duration.between(lastReceived, now);
        if (silence.compareTo(deadAfter) >= 0) {
            return new Verdict.Dead(silence);
        }
        if (silence.compareTo(probeAfter) >= 0) {
            return new Verdict.Probe(silence, Duration.between(now, lastReceived.plus(deadAfter)));
        }
        return new Verdict.Healthy(Duration.between(now, lastReceived.plus(probeAfter)));
    }

    /** Delay before the first look at a fresh link. */
    Duration firstCheck() {
        return probeAfter;
    }

    sealed interface Verdict {
        /** Heard from recently; look again when a probe would become due. */
        record Healthy(Duration checkAgainIn) implements Verdict {
        }

        /** Quiet for a while: check the link (see ConnectionClient.probe), then look again when it would count as dead. */
        record Probe(Duration silence, Duration checkAgainIn) implements Verdict {
        }

        /** Silent too long: the link is gone even if the socket looks open. */
        record Dead(Duration silence) implements Verdict {
        }
    }
}
