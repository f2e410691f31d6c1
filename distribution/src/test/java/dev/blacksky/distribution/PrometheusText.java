package dev.blacksky.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's text format read by the Prometheus project's own parser (python3-prometheus-client, which
 * {@code .ci/run} installs), so a malformed exposition fails the test rather than slipping past a grep.
 */
final class PrometheusText {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    record Sample(String name, String type, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    static List<Sample> parse(String exposition) throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/parse_metrics.py").toAbsolutePath();
        Process python = new ProcessBuilder(PYTHON.toString(), script.toString()).start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("the Prometheus parser refused the exposition (is Debian's"
                + " python3-prometheus-client installed? .ci/run installs it): %s", err).isZero();
        return out.lines().map(PrometheusText::sample).toList();
    }

    private static Sample sample(String line) {
        Config c = ConfigFactory.parseString(line, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        Map<String, String> labels = new HashMap<>();
        c.getConfig("labels").root().unwrapped().forEach((k, v) -> labels.put(k, String.valueOf(v)));
        return new Sample(c.getString("name"), c.getString("type"), labels, Double.parseDouble(c.getString("value")));
    }

    /** The value of the one sample with this name and these labels (among possibly more labels). */
    static double value(List<Sample> samples, String name, String... labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!Objects.equals(s.labels().get(labels[i]), labels[i + 1])) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(found).as("samples named %s with %s", name, List.of(labels)).hasSize(1);
        return found.getFirst().value();
    }

    static boolean available() {
        return Files.isExecutable(PYTHON);
    }
}
