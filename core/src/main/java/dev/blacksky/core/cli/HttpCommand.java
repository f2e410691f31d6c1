package dev.blacksky.core.cli;

import com.typesafe.config.Config;
import dev.blacksky.core.config.ConfigLoader;
import dev.blacksky.core.config.ConfigSources;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.http.AccessToken;
import dev.blacksky.core.http.HttpSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blacksky http token [--rotate]}: the dashboard's link with its access token, or a new token. */
@Command(name = "http", mixinStandardHelpOptions = true, description = "The dashboard's access.",
        subcommands = HttpCommand.Token.class)
final class HttpCommand {

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Prints the dashboard's link with its access token; --rotate replaces the token first.")
    static final class Token implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--rotate", description = "Makes a new token: old links and cookies stop working at once,"
                + " also for a running bot.")
        boolean rotate;

        @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: data/ in the installation).")
        Path data;

        @Option(names = "--config", paramLabel = "FILE",
                description = "An extra configuration file, layered over conf/application.conf.")
        List<Path> configFiles = List.of();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path home = BlackskyCli.home();
            HostPaths paths;
            HttpSettings settings;
            try {
                Config config = ConfigLoader.load(new ConfigSources(home.resolve("conf/application.conf"), configFiles,
                        System.getenv()));
                paths = ConfigLoader.read(config, c -> HostPaths.resolve(home, c, data, null));
                settings = ConfigLoader.read(config, HttpSettings::from);
            } catch (ConfigurationException e) {
                err.println("blacksky: " + e.getMessage());
                return ExitCodes.CONFIG;
            }
            if (!settings.tokenRequired()) {
                err.println("blacksky: blacksky.http.auth is \"none\": the dashboard needs no token");
                return ExitCodes.FAILURE;
            }
            AccessToken token = AccessToken.of(paths.data());
            String value;
            if (rotate) {
                value = token.rotate();
                err.println("A new access token is in " + token.file() + "; the old one no longer works.");
            } else if (!token.file().toFile().isFile()) {
                err.println("blacksky: there is no access token yet (" + token.file() + "); 'blacksky run' makes one at"
                        + " its first start, or run 'blacksky http token --rotate'");
                return ExitCodes.FAILURE;
            } else {
                value = token.value();
            }
            String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
            String port = settings.port() == 0 ? "<port in the log>" : String.valueOf(settings.port());
            out.println("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/?token=" + value);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
