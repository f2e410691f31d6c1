package dev.blacksky.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The corrupt-file matrix on real Cobalt files, validated by Cobalt's decoders. */
class SessionRecoveryTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @TempDir
    Path data;

    enum Damage {
        EMPTY_KEYS, TRUNCATED_KEYS, RANDOM_KEYS, EMPTY_STORE, TRUNCATED_STORE, RANDOM_STORE, STORE_MISSING;

        void applyTo(Path dir) throws IOException {
            Path file = dir.resolve(name().endsWith("KEYS") ? "keys.proto" : "store.proto");
            byte[] bytes = Files.readAllBytes(file);
            switch (this) {
                case EMPTY_KEYS, EMPTY_STORE -> Files.write(file, new byte[0]);
                case TRUNCATED_KEYS, TRUNCATED_STORE -> Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
                case RANDOM_KEYS, RANDOM_STORE -> {
                    byte[] noise = new byte[bytes.length];
                    new Random(42).nextBytes(noise);
                    Files.write(file, noise);
                }
                case STORE_MISSING -> Files.move(file, dir.getParent().getParent().resolve("elsewhere.proto"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void a_damaged_session_is_replaced_by_the_newest_valid_backup_and_the_bad_file_kept(Damage damage) throws Exception {
        SessionService service = CobaltSessions.service(data, 3);
        Path dir = CobaltSessions.write(service, ID);
        Backup backup = service.backups().snapshot(dir, java.time.Instant.now()).orElseThrow();
        byte[] goodKeys = Files.readAllBytes(dir.resolve("keys.proto"));
        byte[] goodStore = Files.readAllBytes(dir.resolve("store.proto"));
        damage.applyTo(dir);
        List<SessionEvent> events = new ArrayList<>();
        service.addListener(events::add);

        LoadCheck result = service.ensureLoadable(dir);

        assertThat(result).isEqualTo(new LoadCheck.Restored(backup.name(), ((LoadCheck.Restored) result).keptFiles()));
        assertThat(dir.resolve("keys.proto")).hasBinaryContent(goodKeys);
        assertThat(dir.resolve("store.proto")).hasBinaryContent(goodStore);
        if (damage != Damage.STORE_MISSING) {
            assertThat(names(dir)).anyMatch(n -> n.startsWith(damage.name().endsWith("KEYS") ? "keys.proto.corrupt-" : "store.proto.corrupt-"));
        }
        assertThat(events).singleElement().isInstanceOf(SessionEvent.RestoredFromBackup.class);
        assertThat(service.ensureLoadable(dir)).isInstanceOf(LoadCheck.Intact.class);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void with_no_valid_backup_it_is_session_corrupt_and_nothing_is_touched(Damage damage) throws Exception {
        SessionService service = CobaltSessions.service(data, 3);
        Path dir = CobaltSessions.write(service, ID);
        damage.applyTo(dir);
        List<String> before = names(dir);
        List<SessionEvent> events = new ArrayList<>();
        service.addListener(events::add);

        assertThatThrownBy(() -> service.ensureLoadable(dir)).isInstanceOf(SessionCorruptException.class)
                .hasMessageContaining("no valid backup").hasMessageContaining("session reset --yes");

        assertThat(names(dir)).isEqualTo(before);
        assertThat(events).singleElement().isInstanceOf(SessionEvent.Corrupt.class);
    }

    @Test
    void keys_that_never_paired_without_a_store_are_a_pairing_in_progress_not_damage() throws Exception {
        SessionService service = CobaltSessions.service(data, 3);
        Path dir = java.nio.file.Files.createDirectories(service.layout().cobalt().resolve("web").resolve(ID.toString()));
        Files.write(dir.resolve("keys.proto"), it.auties.whatsapp.controller.KeysSpec.encode(
                it.auties.whatsapp.controller.Keys.of(ID, null, List.of(), it.auties.whatsapp.api.ClientType.WEB)));

        assertThat(service.ensureLoadable(dir)).isInstanceOf(LoadCheck.Absent.class);
    }

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"TRUNCATED_KEYS", "RANDOM_STORE"})
    void a_damaged_backup_is_skipped_for_an_older_valid_one(Damage damage) throws Exception {
        SessionService service = CobaltSessions.service(data, 3);
        Path dir = CobaltSessions.write(service, ID);
        Backup older = service.backups().snapshot(dir, java.time.Instant.now()).orElseThrow();
        Files.write(dir.resolve("chat_1.proto"), new byte[] {1}); // a change, so a second backup is taken
        Backup newer = service.backups().snapshot(dir, java.time.Instant.now()).orElseThrow();
        Files.write(newer.dir().resolve("keys.proto"), new byte[] {0, 1, 2});
        damage.applyTo(dir);

        assertThat(service.backups().find(newer.name()).orElseThrow().valid()).isFalse();
        assertThat(service.ensureLoadable(dir)).isInstanceOfSatisfying(LoadCheck.Restored.class,
                r -> assertThat(r.backup()).isEqualTo(older.name()));
    }

    @org.junit.jupiter.api.Test
    void no_files_at_all_is_absent_not_corrupt() throws Exception {
        SessionService service = CobaltSessions.service(data, 3);
        assertThat(service.ensureLoadable(data.resolve("nothing-here"))).isInstanceOf(LoadCheck.Absent.class);
    }

    @org.junit.jupiter.api.Test
    void backups_rotate_keeping_the_newest_n() throws Exception {
        SessionService service = CobaltSessions.service(data, 3);
        Path dir = CobaltSessions.write(service, ID);
        for (int i = 0; i < 6; i++) {
            Files.write(dir.resolve("chat_x.proto"), new byte[] {(byte) i});
            service.backups().snapshot(dir, java.time.Instant.now());
        }
        assertThat(service.backups().list()).hasSize(3).allMatch(Backup::valid)
                .extracting(Backup::sequence).containsExactly(6L, 5L, 4L);
        assertThat(service.backups().snapshot(dir, java.time.Instant.now())).as("unchanged: no new copy").isEmpty();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_refused_backup_raises_degraded_and_leaves_the_session_as_it_was() throws Exception {
        Path data = this.data.resolve("fresh");
        UUID id = UUID.randomUUID();
        SessionService full = new SessionService(AccountLayout.of(data, "default"),
                new SessionSettings("default", 3, Long.MAX_VALUE / 2), new CobaltFileCheck(), java.time.Clock.systemUTC());
        List<SessionEvent> events = new ArrayList<>();
        full.addListener(events::add);
        Path session = CobaltSessions.write(full, id);

        full.afterWrite(session);
        assertThat(events).singleElement().isInstanceOf(SessionEvent.WritesRefused.class);
        assertThat(full.backups().list()).isEmpty();
        assertThat(session.resolve("keys.proto")).exists();

        SessionService roomy = CobaltSessions.service(data, 3);
        roomy.addListener(events::add);
        roomy.afterWrite(session);
        assertThat(roomy.backups().list()).hasSize(1);
    }
}
