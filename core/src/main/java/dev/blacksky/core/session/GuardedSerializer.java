package dev.blacksky.core.session;

import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.Controller;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.KeysSpec;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.controller.StoreKeysPair;
import it.auties.whatsapp.model.mobile.PhoneNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Cobalt reads and writes its session through: crash-safe writes, validation before load (a backup,
 * never a silent new identity), a backup after each write, and quarantine instead of delete.
 */
public final class GuardedSerializer implements ControllerSerializer {

    private static final Logger log = LoggerFactory.getLogger(GuardedSerializer.class);

    private final ControllerSerializer delegate;
    private final SessionService session;
    private final Set<UUID> quarantined = ConcurrentHashMap.newKeySet();
    private final java.util.Map<UUID, Integer> writtenKeys = new ConcurrentHashMap<>();
    private volatile Function<UUID, Optional<String>> keeper = uuid -> Optional.empty();

    GuardedSerializer(ControllerSerializer delegate, SessionService session) {
        this.delegate = delegate;
        this.session = session;
    }

    private Path web() {
        return session.layout().cobalt().resolve("web");
    }

    @Override
    public LinkedList<UUID> listIds(ClientType type) {
        return delegate.listIds(type);
    }

    @Override
    public LinkedList<PhoneNumber> listPhoneNumbers(ClientType type) {
        return delegate.listPhoneNumbers(type);
    }

    // Not delegated on purpose: the interface's default builds the pair and serializes through *this*, so the
    // new keys get their backup; the delegate's copy of the default would bypass us.
    @Override
    public StoreKeysPair newStoreKeysPair(UUID uuid, PhoneNumber phone, Collection<String> alias, ClientType type) {
        log.info("Creating a new session {} ({})", uuid, type);
        return ControllerSerializer.super.newStoreKeysPair(uuid, phone, alias, type);
    }

    // Not delegated on purpose: the default reads through deserializeKeys/deserializeStore of *this*.
    @Override
    public Optional<StoreKeysPair> deserializeStoreKeysPair(UUID uuid, PhoneNumber phone, String alias, ClientType type) {
        return ControllerSerializer.super.deserializeStoreKeysPair(uuid, phone, alias, type);
    }

    // Keys (the identity and the Signal sessions) are written by us, not by Cobalt: temp file in the same
    // folder, fsync, atomic rename, fsync of the folder, so a crash leaves the old file or the new one, never a
    // torn one. Cobalt's own writer uses java.io.tmpdir and a plain move. Unchanged keys are not rewritten.
    @Override
    public CompletableFuture<Void> serializeKeys(Keys keys, boolean async) {
        if (quarantined.contains(keys.uuid())) {
            log.warn("Not writing keys of session {}: it was quarantined (Cobalt's shutdown flush would recreate it)",
                    keys.uuid());
            return CompletableFuture.completedFuture(null);
        }
        log.debug("serializeKeys session={} async={}", keys.uuid(), async);
        Path dir = web().resolve(keys.uuid().toString());
        if (!session.roomToWrite(dir)) {
            return CompletableFuture.completedFuture(null); // DEGRADED reported; Cobalt retries on its next flush
        }
        Runnable write = () -> writeKeys(keys, dir);
        if (async) {
            return CompletableFuture.runAsync(write);
        }
        write.run();
        return CompletableFuture.completedFuture(null);
    }

    private void writeKeys(Keys keys, Path dir) {
        byte[] bytes = KeysSpec.encode(keys);
        int hash = java.util.Arrays.hashCode(bytes);
        Integer last = writtenKeys.get(keys.uuid());
        if (last != null && last == hash) {
            return;
        }
        synchronized (writtenKeys) { // one keys write at a time: the newest encode wins, never an older one
            try {
                session.writeDurably(dir.resolve("keys.proto"), bytes);
                writtenKeys.put(keys.uuid(), hash);
                session.afterWrite(dir);
            } catch (IOException | RuntimeException e) {
                log.error("Writing the keys of session {} failed; the previous keys.proto is intact", keys.uuid(), e);
            }
        }
    }

    @Override
    public CompletableFuture<Void> serializeStore(Store store, boolean async) {
        if (quarantined.contains(store.uuid())) {
            log.warn("Not writing the store of session {}: it was quarantined", store.uuid());
            return CompletableFuture.completedFuture(null);
        }
        log.debug("serializeStore session={} async={}", store.uuid(), async);
        if (!session.roomToWrite(web().resolve(store.uuid().toString()))) {
            return CompletableFuture.completedFuture(null);
        }
        return delegate.serializeStore(store, async).thenRun(() -> session.afterWrite(web().resolve(store.uuid().toString())));
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, UUID id) {
        log.debug("deserializeKeys session={}", id);
        ensureLoadable(List.of(web().resolve(id.toString())));
        return delegate.deserializeKeys(type, id);
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, PhoneNumber phone) {
        log.debug("deserializeKeys by phone number");
        ensureLoadable(sessionDirs());
        return delegate.deserializeKeys(type, phone);
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, String alias) {
        log.debug("deserializeKeys alias={}", alias);
        ensureLoadable(sessionDirs());
        return delegate.deserializeKeys(type, alias);
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, UUID id) {
        log.debug("deserializeStore session={}", id);
        ensureLoadable(List.of(web().resolve(id.toString())));
        return delegate.deserializeStore(type, id);
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, PhoneNumber phone) {
        log.debug("deserializeStore by phone number");
        ensureLoadable(sessionDirs());
        return delegate.deserializeStore(type, phone);
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, String alias) {
        log.debug("deserializeStore alias={}", alias);
        ensureLoadable(sessionDirs());
        return delegate.deserializeStore(type, alias);
    }

    /**
     * Asked when Cobalt deletes a session: a reason to leave it exactly as it is instead. Cobalt 0.0.10 treats a 405
     * ("client outdated") as a logout, but it says nothing about the identity: a current revision resumes it.
     */
    public void keepWhen(Function<UUID, Optional<String>> keeper) {
        this.keeper = keeper;
    }

    /** Cobalt calls this on LOGGED_OUT and BANNED: move the session and its link files aside, never delete. */
    @Override
    public void deleteSession(Controller<?> controller) {
        UUID uuid = controller.uuid();
        quarantined.add(uuid); // either way nothing more is written: what is on disk stays as it is
        Optional<String> keep = keeper.apply(uuid);
        if (keep.isPresent()) {
            log.warn("Cobalt deletes session {} after {}: keeping it exactly as it is", uuid, keep.get());
            return;
        }
        List<Path> paths = new ArrayList<>();
        paths.add(web().resolve(uuid.toString()));
        paths.addAll(linkFilesOf(uuid));
        log.warn("Cobalt deletes session {} (logged out or banned): moving it to quarantine instead", uuid);
        session.quarantine(paths, "logout-or-ban");
    }

    @Override
    public void linkMetadata(Controller<?> controller) {
        log.debug("linkMetadata session={}", controller.uuid());
        delegate.linkMetadata(controller);
    }

    @Override
    public CompletableFuture<Void> attributeStore(Store store) {
        log.debug("attributeStore session={}", store.uuid());
        return delegate.attributeStore(store);
    }

    private void ensureLoadable(List<Path> sessionDirs) {
        for (Path dir : sessionDirs) {
            session.ensureLoadable(dir);
        }
    }

    private List<Path> sessionDirs() {
        if (!Files.isDirectory(web())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(web())) {
            return entries.filter(Files::isDirectory).filter(p -> isUuid(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Cobalt's alias and phone-number link files are plain text files in web/ holding the session's uuid.
    private List<Path> linkFilesOf(UUID uuid) {
        if (!Files.isDirectory(web())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(web())) {
            return entries.filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.size(p) < 100
                            && Files.readString(p, StandardCharsets.UTF_8).trim().equals(uuid.toString());
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isUuid(String name) {
        try {
            UUID.fromString(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
