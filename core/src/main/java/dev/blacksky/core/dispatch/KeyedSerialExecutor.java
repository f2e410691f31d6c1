package dev.blacksky.core.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Runs asynchronous tasks one after another per key (per chat), different keys in parallel. */
final class KeyedSerialExecutor {

    private final ConcurrentHashMap<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    CompletableFuture<Void> submit(Object key, Supplier<CompletableFuture<Void>> task) {
        CompletableFuture<Void> next = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(key, next);
        Runnable start = () -> run(task, next);
        if (previous == null || previous.isDone()) {
            start.run();
        } else {
            previous.whenComplete((ignored, error) -> start.run());
        }
        next.whenComplete((ignored, error) -> tails.remove(key, next));
        return next;
    }

    private static void run(Supplier<CompletableFuture<Void>> task, CompletableFuture<Void> done) {
        try {
            task.get().whenComplete((ignored, error) -> done.complete(null));
        } catch (RuntimeException e) {
            done.complete(null);
        }
    }

    int activeKeys() {
        return tails.size();
    }
}
