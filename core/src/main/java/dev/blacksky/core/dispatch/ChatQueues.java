package dev.blacksky.core.dispatch;

import dev.blacksky.api.message.ChatId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each chat's steps in order, chats in parallel; a step holds its chat until it returns or a stage it
 * named (a plugin call's outcome, which its deadline completes) completes.
 */
final class ChatQueues {

    private static final Logger log = LoggerFactory.getLogger(ChatQueues.class);

    private final ConcurrentHashMap<ChatId, Turn> turns = new ConcurrentHashMap<>();
    private final Executor executor;

    ChatQueues(Executor executor) {
        this.executor = executor;
    }

    /** A step's hold on its chat. */
    static final class Turn {
        final CompletableFuture<Void> passed = new CompletableFuture<>();
        private volatile boolean handedOver;

        /** The chat moves on when {@code stage} completes, not when the step returns. */
        void passWhen(CompletionStage<?> stage) {
            handedOver = true;
            stage.whenComplete((ignored, error) -> passed.complete(null));
        }
    }

    /** Runs {@code step} after every step already submitted for {@code chat}; the stage completes when its turn passes. */
    CompletableFuture<Void> submit(ChatId chat, Consumer<Turn> step) {
        Turn turn = new Turn();
        Turn previous = turns.put(chat, turn);
        turn.passed.whenComplete((ignored, error) -> turns.remove(chat, turn)); // idle, unless a later step waits
        Runnable run = () -> {
            try {
                step.accept(turn);
            } catch (RuntimeException | Error e) {
                PluginCalls.escalate(e, null);
                log.error("Unexpected failure while handling a message in {}", chat, e);
            } finally {
                if (!turn.handedOver) {
                    turn.passed.complete(null);
                }
            }
        };
        if (previous == null) {
            start(run, turn);
        } else {
            previous.passed.whenComplete((ignored, error) -> start(run, turn));
        }
        return turn.passed;
    }

    private void start(Runnable run, Turn turn) {
        try {
            executor.execute(run);
        } catch (RuntimeException e) { // the bot is stopping: the step never runs, and the chat must not wait for it
            log.debug("A step was refused: {}", e.toString());
            turn.passed.complete(null);
        }
    }
}
