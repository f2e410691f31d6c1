package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each code sample of the plugin guide is an excerpt of a file the build compiles and tests. */
class DocsSamplesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SAMPLE = Pattern.compile("<!-- sample: (\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void every_sample_of_the_plugin_guide_is_in_the_file_it_names() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/plugin-guide.md"));
        Matcher samples = SAMPLE.matcher(guide);
        List<String> checked = new ArrayList<>();
        while (samples.find()) {
            Path source = ROOT.resolve(samples.group(1));
            assertThat(source).as("the file a sample names").isRegularFile();
            assertThat(lines(Files.readString(source))).as("sample from %s", samples.group(1))
                    .containsSequence(lines(samples.group(2)));
            checked.add(samples.group(1));
        }
        assertThat(checked).as("samples checked").hasSizeGreaterThanOrEqualTo(8);
    }

    // Lines without their indentation, blank ones left out: a sample may be shifted left, never changed.
    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
