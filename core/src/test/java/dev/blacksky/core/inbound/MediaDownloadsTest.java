package dev.blacksky.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.message.Content;
import dev.blacksky.api.message.MediaKind;
import dev.blacksky.api.message.Message;
import dev.blacksky.core.TestHost;
import dev.blacksky.core.outbound.MediaSettings;
import dev.blacksky.core.transport.simulated.SimulatedTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDownloadsTest {

    @TempDir
    Path tmp;

    @Test
    void downloads_are_bounded_lazy_and_cleared_at_the_next_start() throws Exception {
        Path photo = Files.write(tmp.resolve("cat.jpg"), new byte[5000]);
        Message plain = TestHost.privateMessage("alice", "look").message();
        Message withPhoto = plain.withContent(new Content.Attachment(MediaKind.IMAGE, "image/jpeg", 5000, Optional.empty(),
                photo.toString()));
        MediaDownloads downloads = new MediaDownloads(new SimulatedTransport(),
                new MediaSettings(Map.of(), tmp.resolve("outbox-media"), tmp.resolve("downloads")));

        Path file = downloads.download(withPhoto, 10_000).toCompletableFuture().join();
        assertThat(file).startsWith(tmp.resolve("downloads")).hasSize(5000);
        assertThatThrownBy(() -> downloads.download(withPhoto, 1000).toCompletableFuture().join())
                .hasMessageContaining("more than the 1000 allowed");
        assertThatThrownBy(() -> downloads.download(plain, 1000).toCompletableFuture().join())
                .hasMessageContaining("carries no media");

        downloads.clear();
        assertThat(file).doesNotExist();
    }
}
