package dev.blacksky.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.KeysSpec;
import it.auties.whatsapp.controller.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decorator Cobalt writes through, driven with real Cobalt objects and no network. */
class GuardedSerializerTest {

    @TempDir
    Path data;

    private SessionService service;
    private final List<SessionEvent> events = new ArrayList<>();

    @BeforeEach
    void open() {
        service = CobaltSessions.service(data, 3);
        service.addListener(events::add);
        service.open();
    }

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void keys_are_written_crash_safely_by_us_and_load_back_through_cobalt() throws Exception {
        ControllerSerializer serializer = service.serializer();
        java.util.UUID uuid = java.util.UUID.randomUUID();
        it.auties.whatsapp.controller.Keys keys = it.auties.whatsapp.controller.Keys.of(uuid, null, java.util.List.of(),
                it.auties.whatsapp.api.ClientType.WEB);
        serializer.serializeKeys(keys, false).join();
        java.nio.file.Path dir = service.layout().cobalt().resolve("web").resolve(uuid.toString());
        byte[] written = java.nio.file.Files.readAllBytes(dir.resolve("keys.proto"));
        org.assertj.core.api.Assertions.assertThat(written).isEqualTo(it.auties.whatsapp.controller.KeysSpec.encode(keys));
        try (var files = java.nio.file.Files.list(dir)) {
            org.assertj.core.api.Assertions.assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.contains(".tmp-")); // no temp file left beside it
        }
        org.assertj.core.api.Assertions.assertThat(it.auties.whatsapp.controller.KeysSpec.decode(written).uuid()).isEqualTo(uuid);
    }

    @Test
    void a_completed_write_is_backed_up_with_checksums() throws Exception {
        ControllerSerializer serializer = service.serializer();
        UUID id = UUID.randomUUID();
        Keys keys = Keys.of(id, null, List.of(), ClientType.WEB);
        Store store = Store.of(id, null, List.of(), ClientType.WEB);
        serializer.serializeKeys(keys, false).join();
        serializer.serializeStore(store, false).join();

        assertThat(service.backups().list()).first().satisfies(b -> {
            assertThat(b.valid()).isTrue();
            assertThat(b.sessionId()).isEqualTo(id.toString());
            assertThat(b.sizes()).containsKeys("keys.proto", "store.proto");
        });
        assertThat(service.layout().cobalt().resolve("web").resolve(id.toString()).resolve("keys.proto")).exists();
    }

    @Test
    void logout_or_ban_moves_the_session_to_quarantine_instead_of_deleting_it() throws Exception {
        ControllerSerializer serializer = service.serializer();
        UUID id = UUID.randomUUID();
        Keys keys = Keys.of(id, null, List.of("mybot"), ClientType.WEB);
        Store store = Store.of(id, null, List.of("mybot"), ClientType.WEB);
        keys.setSerializer(serializer);
        store.setSerializer(serializer);
        serializer.serializeKeys(keys, false).join();
        serializer.serializeStore(store, false).join();
        serializer.linkMetadata(store);
        Path web = service.layout().cobalt().resolve("web");
        byte[] keyBytes = Files.readAllBytes(web.resolve(id.toString()).resolve("keys.proto"));

        store.deleteSession(); // what Cobalt does on LOGGED_OUT and BANNED

        assertThat(web.resolve(id.toString())).doesNotExist();
        assertThat(web.resolve("mybot")).as("the alias link file goes along").doesNotExist();
        Path moved;
        try (Stream<Path> entries = Files.list(service.layout().quarantine())) {
            moved = entries.filter(p -> p.getFileName().toString().endsWith("-logout-or-ban")).findFirst().orElseThrow();
        }
        assertThat(moved.resolve(id.toString()).resolve("keys.proto")).hasBinaryContent(keyBytes);
        assertThat(moved.resolve("mybot")).exists();
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new SessionEvent.Quarantined(moved, "logout-or-ban")));

        // Cobalt's shutdown hook flushes after a logout; that must not recreate the session.
        serializer.serializeKeys(keys, false).join();
        assertThat(web.resolve(id.toString())).doesNotExist();
    }

    @Test
    void cobalt_loads_a_restored_session_through_the_load_only_path() throws Exception {
        UUID id = UUID.randomUUID();
        Path dir = CobaltSessions.write(service, id);
        byte[] keys = Files.readAllBytes(dir.resolve("keys.proto"));
        service.backups().snapshot(dir, java.time.Instant.now()).orElseThrow();
        Files.write(dir.resolve("keys.proto"), new byte[0]);

        var loaded = Whatsapp.webBuilder().serializer(service.serializer()).newOptionalConnection(id);

        assertThat(loaded).as("Cobalt decoded the restored keys and store").isPresent();
        assertThat(KeysSpec.decode(Files.readAllBytes(dir.resolve("keys.proto"))).uuid()).isEqualTo(id);
        assertThat(dir.resolve("keys.proto")).hasBinaryContent(keys);
    }

    @Test
    void with_nothing_valid_cobalt_gets_session_corrupt_never_a_fresh_identity() throws Exception {
        UUID id = UUID.randomUUID();
        Path dir = CobaltSessions.write(service, id);
        Files.delete(dir.resolve("store.proto")); // test set-up: the "store missing, keys present" case
        byte[] keys = Files.readAllBytes(dir.resolve("keys.proto"));

        assertThatThrownBy(() -> Whatsapp.webBuilder().serializer(service.serializer()).newOptionalConnection(id))
                .isInstanceOf(SessionCorruptException.class);
        assertThat(dir.resolve("keys.proto")).hasBinaryContent(keys);
    }

    @Test
    void on_a_full_disk_cobalt_s_write_is_not_even_attempted_and_degraded_is_raised() throws Exception {
        UUID id = UUID.randomUUID();
        Path dir = CobaltSessions.write(service, id);
        byte[] before = Files.readAllBytes(dir.resolve("keys.proto"));
        service.close();
        SessionService full = new SessionService(AccountLayout.of(data, "default"),
                new SessionSettings("default", 3, Long.MAX_VALUE / 2), new CobaltFileCheck(), java.time.Clock.systemUTC());
        full.addListener(events::add);
        full.open();
        try {
            full.serializer().serializeKeys(Keys.of(id, null, List.of(), ClientType.WEB), false).join();
        } finally {
            full.close();
        }
        assertThat(dir.resolve("keys.proto")).hasBinaryContent(before);
        assertThat(events).singleElement().isInstanceOf(SessionEvent.WritesRefused.class);
    }

    @Test
    void no_serializer_without_the_lock() {
        service.close();
        assertThatThrownBy(service::serializer).hasMessageContaining("not held");
    }
}
