package dev.blacksky.core.alert;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts as JSON to the operator's URL on a thread of its own, retrying with growing, jittered delays: the
 * bot never waits for it. A 2xx answer is delivery; anything else is retried until the attempts run out.
 */
final class Webhook implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Webhook.class);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final int MAX_PENDING = 100;

    private final URI url;
    private final int attempts;
    private final HttpClient client;
    private final ScheduledThreadPoolExecutor executor;

    Webhook(URI url, int attempts) {
        this.url = url;
        this.attempts = attempts;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("alert-webhook").daemon().factory());
        this.executor.setRemoveOnCancelPolicy(true);
        this.executor.setKeepAliveTime(30, TimeUnit.SECONDS); // no thread at all while there is nothing to post
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** Queues {@code alert} for posting; returns at once. Past 100 undelivered alerts, new ones are dropped and logged. */
    void post(Map<String, Object> alert) {
        if (executor.getQueue().size() >= MAX_PENDING) {
            log.warn("Alert webhook: {} alerts are still undelivered; dropping this one: {}", MAX_PENDING, alert.get("summary"));
            return;
        }
        String body = ConfigValueFactory.fromMap(alert).render(ConfigRenderOptions.concise());
        executor.execute(() -> attempt(body, String.valueOf(alert.get("summary")), 1));
    }

    private void attempt(String body, String summary, int attempt) {
        String failure;
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").header("User-Agent", "Blacksky")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                log.info("Alert webhook: delivered '{}'", summary);
                return;
            }
            failure = "HTTP " + response.statusCode();
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt >= attempts) {
            log.warn("Alert webhook: giving up on '{}' after {} attempts (last: {})", summary, attempt, failure);
            return;
        }
        long cap = Math.min(MAX_DELAY.toMillis(), FIRST_DELAY.toMillis() << Math.min(attempt - 1, 20));
        long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        log.info("Alert webhook: attempt {} of '{}' failed ({}); retrying in {} ms", attempt, summary, failure, delay);
        executor.schedule(() -> attempt(body, summary, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

}
