package dev.blacksky.core.whatsapp;

import dev.blacksky.api.event.BotEvent;
import dev.blacksky.api.event.PollVotedEvent;
import dev.blacksky.api.group.GroupInfo;
import dev.blacksky.api.message.Chat;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.ChatType;
import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.OutgoingMessage;
import dev.blacksky.api.message.UserId;
import dev.blacksky.core.connection.ClientListener;
import dev.blacksky.core.connection.ConnectionClient;
import dev.blacksky.core.connection.PairingCodes;
import dev.blacksky.core.session.GuardedSerializer;
import dev.blacksky.core.session.SessionFlusher;
import dev.blacksky.core.session.SessionService;
import dev.blacksky.core.transport.GroupChange;
import dev.blacksky.core.transport.Inbound;
import dev.blacksky.core.transport.InboundSink;
import dev.blacksky.core.transport.OutboundAction;
import dev.blacksky.core.transport.Transport;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.MessageInfo;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.model.ChatMessageKey;
import it.auties.whatsapp.model.message.model.MessageStatus;
import it.auties.whatsapp.model.message.standard.TextMessage;
import it.auties.whatsapp.model.node.Node;
import it.auties.whatsapp.model.signal.auth.UserAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp transport: makes one {@link CobaltClient} per attempt for the supervisor and carries the
 * messages of the live one. Sends fail while offline; the outbox keeps them and retries once connected.
 */
public final class WhatsAppTransport implements Transport, ConnectionClient.Factory {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppTransport.class);

    private final SessionService session;
    private final SessionFlusher flusher;
    private final Optional<URI> proxy;
    private final PairingCode pairing;
    private final StanzaClassifier classifier;
    private final CobaltMessages messages;
    private final ReactionTargets reactionTargets;
    private final ServerAcks acks;
    private final WhatsAppGroups groups;
    private final MediaFetch mediaFetch;
    private final GroupNotifications groupNotifications;
    private final MessageRetention retention;
    private final Clock clock;
    private final String clientVersion;
    private final UserAgent.PlatformType platform;
    private ClientRevision.Resolved revision; // looked up once per start, under the lock of create()
    private volatile InboundSink sink;
    private volatile CobaltClient current;
    private UUID newSession; // chosen once, so every attempt of one pairing uses the same folder

    public WhatsAppTransport(SessionService session, SessionFlusher flusher, WhatsAppSettings settings, Clock clock) {
        this(session, flusher, settings, clock,
                new PairingCode(System.out, session.layout().root().resolve("pairing-qr.png")));
    }

    /** Shows each pairing code on the terminal, as a PNG and in {@code codes} (the dashboard's). */
    public WhatsAppTransport(SessionService session, SessionFlusher flusher, WhatsAppSettings settings, Clock clock,
                             PairingCodes codes) {
        this(session, flusher, settings, clock,
                new PairingCode(System.out, session.layout().root().resolve("pairing-qr.png"), codes::show));
    }

    WhatsAppTransport(SessionService session, SessionFlusher flusher, WhatsAppSettings settings, Clock clock,
                      PairingCode pairing) {
        this.acks = new ServerAcks(settings.ackTimeout());
        this.groups = new WhatsAppGroups(settings.groupAdminsTtl(), clock);
        this.mediaFetch = new MediaFetch(settings.proxy());
        this.groupNotifications = new GroupNotifications(clock);
        this.reactionTargets = new ReactionTargets(settings.reactionTargets());
        this.messages = new CobaltMessages(settings.lidMappingWait());
        this.session = session;
        this.flusher = flusher;
        this.proxy = settings.proxy();
        this.pairing = pairing;
        this.classifier = new StanzaClassifier(clock);
        this.retention = new MessageRetention(settings.messageRetention());
        this.clock = clock;
        this.clientVersion = settings.clientVersion();
        this.platform = settings.platform();
    }

    @Override
    public String name() {
        return "whatsapp";
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void start(InboundSink sink) {
        this.sink = sink;
        pairing.announce(session.layout().name());
        // Registered for the life of the host: its last flush at shutdown must still write this session.
        flusher.register(() -> {
            CobaltClient client = current;
            if (client != null) {
                pruneHistory();
                client.flush();
            }
        });
    }

    @Override
    public synchronized ConnectionClient create(String account, ClientListener listener) {
        Optional<Path> paired = session.sessionDirs().stream().filter(dir -> Files.exists(dir.resolve("store.proto"))).findFirst();
        UUID id = paired.map(dir -> UUID.fromString(dir.getFileName().toString())).orElseGet(() -> {
            if (newSession == null) {
                newSession = UUID.randomUUID();
            }
            return newSession;
        });
        if (revision == null) {
            revision = ClientRevision.resolve(clientVersion, proxy, URI.create("https://web.whatsapp.com"));
        }
        GuardedSerializer serializer = session.serializer();
        var options = new CobaltClient.Options(id, paired.isPresent(), serializer, proxy, pairing::show, revision, platform);
        CobaltClient client = new CobaltClient(options, clearingPairingCode(listener), classifier, this::received, this::stanza);
        serializer.keepWhen(uuid -> client.awaitFailure(Duration.ofSeconds(2))
                .filter(failure -> failure instanceof dev.blacksky.core.connection.ConnectionFailure.Outdated)
                .map(failure -> "WhatsApp's 405 (client outdated), which says nothing about this device's identity"));
        current = client;
        return client;
    }

    // Before each flush, so what is written is already short (see MessageRetention).
    // Never at the cost of the flush that follows: the session's keys matter more than a short history.
    private void pruneHistory() {
        try {
            live().ifPresent(whatsapp -> {
                int removed = retention.prune(whatsapp.store().chats(), clock.instant());
                if (removed > 0) {
                    log.debug("Dropped {} messages older than the retention from Cobalt's store", removed);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Pruning Cobalt's message history failed; the session is written anyway", e);
        }
    }

    /** The current client's instance while it is logged in. */
    private Optional<Whatsapp> live() {
        return Optional.ofNullable(current).flatMap(CobaltClient::live);
    }

    private ClientListener clearingPairingCode(ClientListener listener) {
        return new ClientListener() {
            public void pairing() {
                listener.pairing();
            }

            public void loggedIn() {
                pairing.clear();
                listener.loggedIn();
            }

            public void received() {
                listener.received();
            }

            public void failed(dev.blacksky.core.connection.ConnectionFailure failure) {
                listener.failed(failure);
            }
        };
    }

    private void stanza(Node node) {
        messages.learn(node);
        acks.learn(node);
        InboundSink target = sink;
        if (node.hasDescription("notification")) {
            for (BotEvent event : groupNotifications.read(node, messages.lids(),
                    group -> groups.cachedSubject(group).orElse(group.substring(0, group.indexOf('@'))))) {
                groups.apply(event);
                if (target != null) {
                    target.event(event);
                }
            }
        }
    }

    void received(MessageInfo<?> info) {
        InboundSink target = sink;
        if (target == null) {
            return;
        }
        Optional<PollVotedEvent> vote = messages.vote(info);
        if (vote.isPresent()) {
            target.event(vote.get());
            return;
        }
        Optional<Inbound> inbound = messages.toInbound(info);
        if (inbound.isPresent() && info instanceof ChatMessageInfo chat) {
            // Before any plugin sees it, so an immediate reaction or deletion finds it.
            reactionTargets.remember(chat, inbound.get().message().chat().id().value());
        }
        inbound.map(this::inGroup).ifPresent(target::accept);
    }

    // Runs on Cobalt's per-event virtual thread, so the (cached) metadata query may block here.
    private Inbound inGroup(Inbound inbound) {
        Message message = inbound.message();
        Chat chat = message.chat();
        Optional<Whatsapp> live = live();
        if (chat.type() != ChatType.GROUP || live.isEmpty()) {
            return inbound;
        }
        Function<String, CompletionStage<GroupInfo>> query = group -> live.get().queryGroupMetadata(jid(group))
                .thenApply(messages::group);
        boolean admin = groups.isAdmin(chat.id().value(), message.sender().id().value(), query);
        String subject = groups.subject(chat.id().value(), query).orElse(chat.name());
        Message named = new Message(message.id(), new Chat(chat.id(), ChatType.GROUP, subject), message.sender(),
                message.text(), message.timestamp(), message.quoted(), message.mentions(), message.content());
        return new Inbound(named, admin);
    }

    /** Sends under the outbox's id, so that a retry after a lost answer is the same message, not a second one. */
    @Override
    public CompletionStage<String> send(ChatId chat, OutgoingMessage message, String messageId) {
        return whileConnected(whatsapp -> {
            ChatMessageInfo outgoing;
            try {
                outgoing = OutgoingMessages.message(whatsapp, jid(chat.value()), message, messageId);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the media to send", e);
            }
            return deliver(whatsapp, outgoing, "the message to " + chat.value()).thenApply(ok -> messageId);
        });
    }

    // Runs a send on the live instance, or fails it: offline, or when Cobalt throws synchronously before login.
    private <T> CompletionStage<T> whileConnected(Function<Whatsapp, CompletionStage<T>> send) {
        Optional<Whatsapp> live = live();
        if (live.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("WhatsApp is not connected"));
        }
        try {
            return send.apply(live.get());
        } catch (RuntimeException notConnected) {
            return CompletableFuture.failedFuture(notConnected);
        }
    }

    /** Sends and waits for the server's ack of the message's id. */
    private CompletionStage<Void> deliver(Whatsapp whatsapp, ChatMessageInfo outgoing, String what) {
        CompletableFuture<Void> acked = acks.expect(outgoing.id());
        // The future can complete normally with status ERROR (no such WhatsApp user): that is a failed send.
        // Success needs the server's ack as well: a normal completion alone can hide a dropped link.
        return whatsapp.sendMessage(outgoing).thenCompose(sent -> {
            if (sent.status() == MessageStatus.ERROR) {
                throw new IllegalStateException("WhatsApp refused " + what);
            }
            return acked;
        });
    }

    /** Built from user and server: Jid.of("...@s.whatsapp.net") yields a Jid with a broken hashCode in 0.0.10. */
    static Jid jid(String value) {
        int at = value.indexOf('@');
        return at < 0 ? Jid.of(value) : Jid.of(value.substring(0, at), JidServer.of(value.substring(at + 1)));
    }

    @Override
    public Supplier<CompletionStage<Void>> prepare(OutboundAction action) {
        return switch (action) {
            case OutboundAction.React r -> prepareReaction(r.target(), r.emoji());
            case OutboundAction.Delete d -> {
                Optional<ReactionTargets.Target> known = reactionTargets.find(d.target().chat().id().value(), d.target().id());
                if (known.isEmpty()) {
                    yield unknown("delete", d.target());
                }
                ReactionTargets.Target target = known.get();
                yield () -> whileConnected(whatsapp -> whatsapp.deleteMessage(GroupActions.received(target), true));
            }
            case OutboundAction.DeleteSent d -> () -> whileConnected(whatsapp ->
                    whatsapp.deleteMessage(GroupActions.sent(whatsapp, jid(d.chat().value()), d.messageId(), ""), true));
            case OutboundAction.Edit e -> () -> whileConnected(whatsapp -> whatsapp.editMessage(
                    GroupActions.sent(whatsapp, jid(e.chat().value()), e.messageId(), ""), TextMessage.of(e.text()))
                    .thenApply(edited -> null));
        };
    }

    private Supplier<CompletionStage<Void>> unknown(String what, Message target) {
        // IllegalArgumentException: retrying cannot help, so the outbound queue gives up on it at once.
        IllegalArgumentException unknown = new IllegalArgumentException("cannot " + what + " message " + target.id()
                + " in " + target.chat().id().value() + ": it is not among the last " + reactionTargets.capacity()
                + " messages this process received (blacksky.whatsapp.reaction-targets)");
        return () -> CompletableFuture.failedFuture(unknown);
    }

    @Override
    public Optional<UserId> self() {
        return live().flatMap(whatsapp -> whatsapp.store().jid()).map(jid -> UserId.of(CobaltMessages.userId(
                CobaltMessages.normalise(jid))));
    }

    @Override
    public CompletionStage<GroupInfo> groupInfo(ChatId group) {
        return whileConnected(whatsapp -> groups.info(group.value(),
                g -> whatsapp.queryGroupMetadata(jid(g)).thenApply(messages::group)));
    }

    @Override
    public CompletionStage<Void> changeGroup(ChatId group, GroupChange change) {
        return whileConnected(whatsapp -> GroupActions.change(whatsapp, jid(group.value()), change)
                .whenComplete((ok, error) -> groups.forget(group.value())));
    }

    @Override
    public CompletionStage<String> inviteLink(ChatId group) {
        return whileConnected(whatsapp -> whatsapp.queryGroupInviteLink(jid(group.value())));
    }

    @Override
    public CompletionStage<Void> download(Message message, Path target, long maxBytes) {
        if (!(message.content() instanceof Content.Attachment attachment) || attachment.reference().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("message " + message.id()
                    + " carries no media that can be downloaded"));
        }
        return CompletableFuture.runAsync(() -> {
            try {
                mediaFetch.download(MediaReference.decode(attachment.reference()), target, maxBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }, runnable -> Thread.ofVirtual().name("media-download").start(runnable));
    }

    /** Reacts to a message received recently; see {@link ReactionTargets} for why older ones cannot be. */
    CompletionStage<Void> react(Message target, String emoji) {
        return prepareReaction(target, emoji).get();
    }

    // The target is looked up when the reaction is queued: while it waits out an outage, a backlog of new
    // messages could push it out of the remembered ones.
    Supplier<CompletionStage<Void>> prepareReaction(Message target, String emoji) {
        Optional<ReactionTargets.Target> known = reactionTargets.find(target.chat().id().value(), target.id());
        if (known.isEmpty()) {
            return unknown("react to", target);
        }
        return () -> whileConnected(whatsapp -> {
            String id = ChatMessageKey.randomId(it.auties.whatsapp.api.ClientType.WEB);
            ChatMessageInfo reaction = OutgoingMessages.reaction(whatsapp, known.get(), emoji, id);
            return deliver(whatsapp, reaction, "the reaction to " + target.id());
        });
    }

    @Override
    public void stop() {
        sink = null;
    }
}
