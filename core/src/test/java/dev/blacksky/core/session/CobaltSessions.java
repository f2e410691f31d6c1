package dev.blacksky.core.session;

import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.KeysSpec;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.controller.StoreSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Real Cobalt session files for tests, made with Cobalt's own factories and encoders (no network). */
final class CobaltSessions {

    private CobaltSessions() {
    }

    static SessionService service(Path data, int keep) {
        return new SessionService(AccountLayout.of(data, "default"), new SessionSettings("default", keep, 0),
                new CobaltFileCheck(), Clock.systemUTC());
    }

    /** Writes keys.proto and store.proto of a fresh identity into {@code web/<uuid>/} and returns the folder. */
    static Path write(SessionService service, UUID uuid) throws IOException {
        Path dir = Files.createDirectories(service.layout().cobalt().resolve("web").resolve(uuid.toString()));
        // Registered, as after a completed pairing: an unregistered keys.proto alone is a pairing in progress.
        Keys keys = Keys.of(uuid, null, List.of(), ClientType.WEB).setRegistered(true);
        Store store = Store.of(uuid, null, List.of(), ClientType.WEB);
        Files.write(dir.resolve("keys.proto"), KeysSpec.encode(keys));
        Files.write(dir.resolve("store.proto"), StoreSpec.encode(store));
        return dir;
    }
}
