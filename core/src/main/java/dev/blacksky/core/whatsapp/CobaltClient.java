package dev.blacksky.core.whatsapp;

import dev.blacksky.core.connection.ClientListener;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.connection.ConnectionFailedException;
import dev.blacksky.core.connection.ConnectionFailure;
import dev.blacksky.core.session.SessionCorruptException;
import it.auties.whatsapp.api.ErrorHandler;
import it.auties.whatsapp.api.Listener;
import it.auties.whatsapp.api.TextPreviewSetting;
import it.auties.whatsapp.api.WebHistorySetting;
import it.auties.whatsapp.api.WebOptionsBuilder;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.model.companion.CompanionDevice;
import it.auties.whatsapp.model.info.MessageInfo;
import it.auties.whatsapp.model.node.Node;
import it.auties.whatsapp.model.signal.auth.UserAgent;
import it.auties.whatsapp.model.signal.auth.Version;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Cobalt {@link Whatsapp} instance driven by the supervisor: built per attempt, with bot settings and one
 * listener, and torn down completely before the next one exists.
 */
public final class CobaltClient implements ConnectionClient {

    private static final Logger log = LoggerFactory.getLogger(CobaltClient.class);
    private static final Duration TEARDOWN = Duration.ofSeconds(10);

    /** Where and how to connect: the session's folder id, its serializer, an optional proxy, where QR codes go. */
    public record Options(UUID session, boolean paired, ControllerSerializer serializer, Optional<URI> proxy,
                          Consumer<String> qrCodes, ClientRevision.Resolved revision, UserAgent.PlatformType platform) {}

    private final Options options;
    private final ClientListener listener;
    private final StanzaClassifier classifier;
    private final Consumer<MessageInfo<?>> messages;
    private final Consumer<Node> stanzas;
    private final Listener frames = new Frames();
    private volatile Whatsapp whatsapp;
    private volatile boolean closed;
    private volatile boolean loggedIn;
    private final CompletableFuture<ConnectionFailure> failure = new CompletableFuture<>();

    public CobaltClient(Options options, ClientListener listener, StanzaClassifier classifier,
                        Consumer<MessageInfo<?>> messages, Consumer<Node> stanzas) {
        this.options = options;
        this.listener = listener;
        this.classifier = classifier;
        this.messages = messages;
        this.stanzas = stanzas;
    }

    /** Writes the session's keys and store now, through the guarded serializer (Cobalt does not on disconnect). */
    void flush() {
        Whatsapp current = whatsapp;
        if (current != null) {
            current.keys().serialize(false);
            current.store().serialize(false);
        }
    }

    /** The live instance while logged in and not closed, for sends; isConnected() alone is true before login. */
    Optional<Whatsapp> live() {
        Whatsapp current = whatsapp;
        return !closed && loggedIn && current != null && current.isConnected() ? Optional.of(current) : Optional.empty();
    }

    @Override
    public CompletionStage<Void> connect() {
        try {
            whatsapp = build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(damaged(e).<RuntimeException>map(d -> new ConnectionFailedException(d)).orElse(e));
        }
        whatsapp.addListener(frames);
        return whatsapp.connect().thenApply(connected -> null);
    }

    private Whatsapp build() {
        var builder = Whatsapp.webBuilder().serializer(options.serializer());
        // A stored session is only ever restored, never recreated: newConnection on a folder whose store is missing
        // would overwrite its keys with a new identity.
        WebOptionsBuilder web = options.paired()
                ? builder.newOptionalConnection(options.session()).orElseThrow(() -> new IllegalStateException(
                        "the session " + options.session() + " could not be loaded; see 'blacksky session'"))
                : builder.newConnection(options.session());
        web = web.historySetting(WebHistorySetting.discard(false))
                .textPreviewSetting(TextPreviewSetting.DISABLED)
                .automaticPresenceUpdates(false)
                .errorHandler(this::onError);
        if (options.proxy().isPresent()) {
            web = web.proxy(options.proxy().get());
        }
        Whatsapp built = web.unregistered(qr -> {
            if (!closed) {
                listener.pairing();
                options.qrCodes().accept(qr);
            }
        });
        // Announced in the handshake instead of Cobalt's own guess, whose fallback revision expired in 2025.
        built.store().setDevice(CompanionDevice.web(Version.of(options.revision().version())).withPlatform(options.platform()));
        return built;
    }

    /** The instance built for this attempt, if any (what it will announce, for tests). */
    Optional<Whatsapp> instance() {
        return Optional.ofNullable(whatsapp);
    }

    @Override
    public String clientInfo() {
        return "WhatsApp Web " + options.revision().version() + " on " + options.platform() + " ("
                + options.revision().source() + ")";
    }

    /**
     * The failure WhatsApp announced on this link, waiting at most {@code wait} for it: Cobalt hands a stanza to
     * listeners on another thread just before acting on it itself.
     */
    Optional<ConnectionFailure> awaitFailure(Duration wait) {
        try {
            return Optional.of(failure.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A session the guard refused to load (SESSION_CORRUPT), however deep Cobalt wrapped it. */
    private static Optional<ConnectionFailure> damaged(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SessionCorruptException corrupt) {
                return Optional.of(new ConnectionFailure.SessionDamaged(corrupt.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** Cobalt's errors are logged and counted here; only the supervisor decides to reconnect or stop. */
    private ErrorHandler.Result onError(Whatsapp source, ErrorHandler.Location location, Throwable error) {
        log.warn("WhatsApp client error at {}: {}", location, error.toString());
        log.debug("WhatsApp client error at {}", location, error);
        return location == ErrorHandler.Location.LOGIN || location == ErrorHandler.Location.STREAM
                ? ErrorHandler.Result.DISCONNECT : ErrorHandler.Result.DISCARD;
    }

    @Override
    public void probe() {
        Whatsapp current = whatsapp;
        if (!closed && current != null && !current.isConnected()) {
            listener.failed(new ConnectionFailure.StreamEnded());
        }
    }

    /**
     * Disconnects, then writes the session: Cobalt writes nothing on disconnect, and right after pairing the
     * store exists only in memory. A client still handshaking is shut at its first sign of life.
     */
    @Override
    public void close() {
        closed = true;
        loggedIn = false;
        Whatsapp current = whatsapp;
        if (current == null) {
            return;
        }
        try {
            current.disconnect().get(TEARDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("The WhatsApp socket did not close within {} s: {}", TEARDOWN.toSeconds(), e.toString());
        }
        try {
            flush();
        } catch (RuntimeException e) {
            log.error("Writing the session after disconnect failed; the files on disk are the previous ones", e);
        }
    }

    private static void shut(Whatsapp ghost) {
        if (ghost.isConnected()) {
            ghost.disconnect();
        }
    }

    private final class Frames implements Listener {
        @Override
        public void onNodeReceived(Whatsapp source, Node node) {
            if (closed) {
                shut(source);
                return;
            }
            listener.received();
            stanzas.accept(node);
            classifier.classify(node).ifPresent(announced -> {
                failure.complete(announced);
                listener.failed(announced);
            });
        }

        @Override
        public void onNewMessage(Whatsapp source, MessageInfo<?> info) {
            if (!closed) {
                messages.accept(info);
            }
        }

        @Override
        public void onLoggedIn(Whatsapp source) {
            if (closed) {
                shut(source);
                return;
            }
            loggedIn = true;
            listener.loggedIn();
        }

        @Override
        public void onDisconnected(Whatsapp source, it.auties.whatsapp.api.DisconnectReason reason) {
            // Always DISCONNECTED in 0.0.10: the real cause, if any, came as a stanza first.
            if (!closed) {
                listener.failed(new ConnectionFailure.StreamEnded());
            }
        }
    }
}
