package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions, group administration, deleting and media, tried in the packaged console as a new user would. */
class WhatsAppVocabularyIT {

    private static final Path DIST = Path.of(System.getProperty("blacksky.dist", "target/blacksky")).toAbsolutePath();

    @TempDir
    Path tmp;

    private Launch.Result console(String script) throws IOException {
        Path data = tmp.resolve("data");
        return Launch.of(DIST.resolve("bin/blacksky"), "run", "--console", "--plugins", DIST.resolve("plugins").toString(),
                        "--data", data.toString())
                .env("JAVA_HOME", System.getProperty("java.home")).env("BLACKSKY_LOGS", tmp.resolve("logs").toString())
                .stdin(script).run();
    }

    @Test
    void the_group_toolkit_works_in_a_console_group() throws Exception {
        Launch.Result result = console(String.join("\n",
                ":in team", ":as alice", "hello", ":as bob", "hi", ":as console", ":admin",
                "!tagall standup", ":as bob", "!kick alice", ":as console", "!kick bob", ":members",
                ":subject Night Shift", "!groupinfo", "") + "\n");
        assertThat(result.exit()).as(result.toString()).isZero();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(result.toString()).containsSubsequence(
                "📣 standup",
                "@console @alice @bob [mentions: console, alice, bob]",
                "Only group admins can use !kick.",
                "Removed @bob. [mentions: bob]",
                "(members of team: blacksky (admin), console (admin), alice)",
                "👥 Night Shift",
                "3 members, 2 admins");
    }

    @Test
    void the_anti_link_guard_deletes_a_members_invite_link_and_leaves_an_admins_alone() throws Exception {
        Launch.Result result = console(String.join("\n",
                ":in team", ":admin", "!antilink on", ":as alice", "join us chat.whatsapp.com/AbCdE",
                ":as console", "ours chat.whatsapp.com/XyZ", "!ping", "") + "\n");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).as(result.toString())
                .contains("(deleted alice's message: join us chat.whatsapp.com/AbCdE)")
                .contains("🚫 @alice, links to other groups are not allowed here. [mentions: alice]")
                .doesNotContain("deleted console's message").contains("pong");
    }

    @Test
    void a_join_keeps_its_place_among_the_lines_of_its_chat() throws Exception {
        for (int run = 0; run < 3; run++) {
            Launch.Result result = console(String.join("\n", ":in team", "!echo first", ":join bob", "!echo last", "") + "\n");
            assertThat(result.stdout().lines().toList()).as(result.toString()).containsExactly("first",
                    "Welcome to team, @bob! Send !help to see what I can do. [mentions: bob]", "last");
        }
    }

    @Test
    void a_native_poll_is_asked_voted_on_with_vote_and_counted() throws Exception {
        Launch.Result result = console(String.join("\n",
                ":in team", "!poll create Lunch? Pizza Sushi", ":vote 1", ":as bob", ":vote 2", ":vote 1 2", "!poll results", "")
                + "\n");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).as(result.toString())
                .contains("[poll] Lunch?\n  1. Pizza\n  2. Sushi".replace("\n", System.lineSeparator()))
                .contains(String.join(System.lineSeparator(), "📊 Lunch?", "Pizza: 2", "Sushi: 1", "(2 voters)"));
    }

    @Test
    void qr_answers_with_an_image_file_that_decodes_back_to_the_text() throws Exception {
        Launch.Result result = console("!qr hello\n");
        assertThat(result.exit()).as(result.toString()).isZero();
        Matcher saved = Pattern.compile("\\[image qr.png \\d+ KB\\] saved as (\\S+)").matcher(result.stdout());
        assertThat(saved.find()).as(result.toString()).isTrue();
        Path png = Path.of(saved.group(1));
        assertThat(png).startsWith(tmp.resolve("data"));
        assertThat(decode(png)).isEqualTo("hello");
        assertThat(result.stdout()).contains("QR code for: hello");
    }

    private static String decode(Path png) throws Exception {
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
