package dev.blacksky.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.blacksky.core.config.ConfigurationException;
import dev.blacksky.core.config.HostPaths;
import dev.blacksky.core.metrics.HostMeters;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.blacksky.core.account.HostedAccount;
import dev.blacksky.core.account.HostedAccounts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server (the JDK's own: no extra library or thread pool for a handful of requests a minute):
 * {@code /health/live} open to all, everything else behind the access token. Bound in {@link #bind()} before the
 * host takes its session, serving from {@link #start()} once the host is up.
 */
@Singleton
public final class OperationsServer {

    private static final Logger log = LoggerFactory.getLogger(OperationsServer.class);
    private static final String COOKIE = "blacksky_token";
    private static final Map<String, String> PAGES = Map.of("/", "index.html", "/app.js", "app.js", "/app.css", "app.css");

    private final HttpSettings settings;
    private final HostPaths paths;
    private final HealthChecks health;
    private final DashboardApi api;
    private final DashboardActions actions;
    private final PrometheusMeterRegistry prometheus;
    private final HostMeters meters;
    private final AccessToken token;
    private HttpServer server;
    private ExecutorService executor;
    private boolean tokenMadeNow;

    private final HostedAccounts accounts;

    @Inject
    OperationsServer(HttpSettings settings, HostPaths paths, HealthChecks health, DashboardApi api,
                     DashboardActions actions, PrometheusMeterRegistry prometheus, HostMeters meters,
                     HostedAccounts accounts) {
        this.accounts = accounts;
        this.settings = settings;
        this.paths = paths;
        this.health = health;
        this.api = api;
        this.actions = actions;
        this.prometheus = prometheus;
        this.meters = meters;
        this.token = AccessToken.of(paths.data());
    }

    /** Takes the port, or stops start-up naming the key when it cannot; makes the token on first start. */
    public synchronized void bind() {
        if (!settings.enabled() || server != null) {
            return;
        }
        if (settings.tokenRequired()) {
            tokenMadeNow = token.ensure();
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
        } catch (BindException e) {
            throw new ConfigurationException("blacksky.http: cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + e.getMessage() + "); another program (another bot?) uses it. Set blacksky.http.port to a"
                    + " free port, or blacksky.http.enabled = false");
        } catch (IOException e) {
            throw new ConfigurationException("blacksky.http: cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage());
        }
        server.createContext("/", this::handle);
    }

    /** Serves requests, and says where (with the token only on a terminal, and only when it was just made). */
    public synchronized void start(PrintStream terminal, boolean interactive) {
        if (server == null) {
            return;
        }
        executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("http-", 0).daemon().factory());
        server.setExecutor(executor);
        server.start();
        String address = address();
        log.info("Dashboard, health and metrics at {}", address);
        if (tokenMadeNow && interactive) {
            terminal.println("Dashboard: " + address + "?token=" + token.value());
            terminal.println("(the access token is shown this once; 'bin/blacksky http token' shows it again)");
        } else {
            terminal.println("Dashboard: " + address + (settings.tokenRequired()
                    ? " ('bin/blacksky http token' prints the link with its access token)" : ""));
        }
        terminal.flush();
    }

    /** The address it serves, as a browser would open it. */
    public String address() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/";
    }

    /** The host runs: readiness may turn 200 and the dashboard's data is there to read. */
    public void hostStarted() {
        health.markStarted();
    }

    /** In a cluster, before this node runs its account: readiness says why, and the dashboard's data is not there. */
    public void standby(String why) {
        health.standby(why);
    }

    /** Readiness turns 503 at once; the server keeps answering until {@link #stop()}. */
    public void stopping() {
        health.stopping();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(Request.of(exchange));
            } catch (IllegalArgumentException e) { // a query that does not decode (a stray '%')
                response = Response.error(400, "malformed request: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("The dashboard failed to answer {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e);
                response = Response.error(500, "internal error: " + e.getClass().getSimpleName());
            }
            send(exchange, response);
        }
    }

    private Response route(Request request) {
        String path = request.path();
        boolean get = request.method().equals("GET") || request.method().equals("HEAD");
        if (path.equals("/health/live")) {
            return get ? health.live() : Response.error(405, "use GET");
        }
        if (get && request.query().containsKey("token") && (path.equals("/") || path.equals("/login"))) {
            return login(request.query().get("token"));
        }
        Auth auth = authenticate(request);
        if (auth == Auth.NONE) {
            return path.startsWith("/api/") || path.startsWith("/health/") || path.equals("/metrics")
                    ? Response.error(401, "an access token is needed: send 'Authorization: Bearer <token>' (the token is in "
                            + token.file() + "; 'blacksky http token' prints it)")
                    : page(401, "unauthorized.html");
        }
        if (!health.started() && path.startsWith("/api/")) { // nothing to show or change before the host runs
            return Response.error(503, health.standby() != null ? "standing by: " + health.standby() : "starting");
        }
        if (get) {
            return switch (path) {
                case "/health/ready" -> health.ready();
                case "/metrics" -> {
                    meters.bindJvmMeters();
                    yield Response.text(200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape());
                }
                case "/api/overview" -> {
                    HostedAccount account = account(request);
                    yield account == null ? unknownAccount(request)
                            : Response.json(200, api.overview(settings.tokenRequired() ? token.csrf() : "", account));
                }
                case "/api/pairing/qr.svg" -> {
                    HostedAccount account = account(request);
                    if (account == null) {
                        yield unknownAccount(request);
                    }
                    String svg = api.qrSvg(account);
                    yield svg == null ? Response.error(404, "no pairing is waiting for a scan")
                            : Response.text(200, "image/svg+xml", svg);
                }
                default -> PAGES.containsKey(path) ? page(200, PAGES.get(path)) : Response.error(404, "no such page: " + path);
            };
        }
        if (!request.method().equals("POST")) {
            return Response.error(405, "use GET or POST");
        }
        // A cookie rides along on any site's request: changes also need the value only our own page can read.
        if (auth == Auth.COOKIE && !token.csrf().equals(request.header("X-Blacksky-Csrf"))) {
            return Response.error(403, "cross-site request refused: the X-Blacksky-Csrf header is missing or wrong");
        }
        HostedAccount account = account(request);
        if (account == null) {
            return unknownAccount(request);
        }
        Response done = actions.run(path, account);
        return done != null ? done : Response.error(404, "no such action: " + path);
    }

    // The account a request names with ?account=, the first one when it names none; null for one that is not here.
    private HostedAccount account(Request request) {
        String name = request.query().get("account");
        return name == null || name.isEmpty() ? accounts.primary() : accounts.named(name).orElse(null);
    }

    private Response unknownAccount(Request request) {
        return Response.error(404, "there is no account '" + request.query().get("account") + "' here; this bot runs "
                + accounts.plans().names());
    }

    private enum Auth { NONE, BEARER, COOKIE, OPEN }

    private Auth authenticate(Request request) {
        if (!settings.tokenRequired()) {
            return Auth.OPEN;
        }
        if (token.matches(request.bearer())) {
            return Auth.BEARER;
        }
        return token.matches(request.cookie(COOKIE)) ? Auth.COOKIE : Auth.NONE;
    }

    // The token leaves the address bar at once: a cookie only this site's requests carry, then a plain redirect.
    private Response login(String offered) {
        if (!settings.tokenRequired() || !token.matches(offered)) {
            return page(401, "unauthorized.html");
        }
        return new Response(303, "text/plain; charset=utf-8", new byte[0], Map.of())
                .with("Location", "./")
                .with("Set-Cookie", COOKIE + "=" + token.value() + "; Path=/; HttpOnly; SameSite=Strict");
    }

    private Response page(int status, String name) {
        try (InputStream in = OperationsServer.class.getResourceAsStream("dashboard/" + name)) {
            if (in == null) {
                return Response.error(404, "no such page");
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
            return new Response(status, type + "; charset=utf-8", in.readAllBytes(), Map.of());
        } catch (IOException e) {
            return Response.error(500, "cannot read " + name);
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        response.headers().forEach(headers::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
