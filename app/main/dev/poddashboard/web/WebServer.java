package dev.poddashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.cluster.Connection;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.GlobalHeadersConfig;
import java.time.Clock;
import java.util.Map;

/** Builds the web server, unstarted, so tests run the real thing on a port of their choosing. */
public final class WebServer {
    private WebServer() {
    }

    /** Request bodies are small forms; a pasted token may be up to 16 KiB, so 64 KiB leaves room and no more. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    private static org.eclipse.jetty.server.ServerConnector connector(org.eclipse.jetty.server.Server server,
            org.eclipse.jetty.server.HttpConfiguration http, String host, int port) {
        var connector = new org.eclipse.jetty.server.ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    public static Javalin create(Connection connection, Services services, ObjectMapper mapper, Clock clock,
                                 dev.poddashboard.config.Settings settings) {
        dev.poddashboard.config.StreamLimits liveStreams = settings.liveStreams();
        StaticAssets assets = new StaticAssets();
        Site site = Site.of(connection, assets.bootstrapCss(), services.version());
        Params params = new Params(site.namespace());
        PodController pods = new PodController(services, params, mapper);
        LogStreams logStreams = new LogStreams(services.logs(), mapper);
        LogController logs = new LogController(services.logs(), logStreams, params);
        // Each of these asks the API server something for whoever asks: at most 30 a minute per browser, in both modes.
        RateLimit questions = new RateLimit(30);
        TokenController tokens = new TokenController(services, site.namespace(), clock, mapper, questions);
        PodStream events = new PodStream(services.pods().store(), params, mapper, clock, liveStreams.max(),
                liveStreams.perClient());
        GracefulStop stop = new GracefulStop();
        AccessController access = new AccessController(services.identity(),
                new dev.poddashboard.identity.AccessMatrix(services.identity(), clock), params, questions);
        AuthGate gate = settings.authMode() == dev.poddashboard.config.AuthMode.TOKEN
                ? new AuthGate(new dev.poddashboard.auth.Gatekeeper(services.identity(), clock),
                new dev.poddashboard.auth.Sessions(clock), params) : null;
        LessonController lesson = new LessonController(services.lesson(), mapper, questions);
        RequestLog requestLog = new RequestLog(services.metrics());
        services.metrics().streams("pods", events::open, events.bounds()::refused);
        services.metrics().streams("logs", logStreams::open, logStreams.bounds()::refused);
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new MalformedRequestErrors());
                stop.install(server);
            });
            config.startup.showJavalinBanner = false;
            if (settings.metricsPort() > 0) {
                // Two ports: the app's (host and port as start() is given them) and one that serves only /metrics, so a
                // NetworkPolicy can admit Prometheus to the metrics and to nothing else (components/service-monitor).
                var jetty = config.jetty;
                config.jetty.addConnector((server, http) -> connector(server, http, jetty.host, jetty.port));
                config.jetty.addConnector((server, http) -> connector(server, http, jetty.host, settings.metricsPort()));
            }
            // What a token source makes slowly (the demo's key pair) is made once the server listens, not during
            // the start (TokenSource.prepare).
            config.events.serverStarted(services.tokens()::prepare);
            // Streams end first so that the graceful stop only waits for ordinary requests; what those requests
            // read (the token history, the pod store) closes once they have all finished.
            config.events.serverStopping(() -> {
                stop.begin();
                events.close();
                logStreams.close();
            });
            config.events.serverStopped(() -> {
                services.history().close();
                services.pods().store().close();
            });
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.fileRenderer(new ThymeleafRenderer(site));
            config.bundledPlugins.enableGlobalHeaders(headers -> {
                // No inline script or style anywhere, so the policy can be this strict. Images may also be data:
                // URLs: Bootstrap draws its select arrows and check marks with them (an image cannot run script).
                headers.contentSecurityPolicy("default-src 'self'; img-src 'self' data:");
                headers.xContentTypeOptionsNoSniff();
                headers.xFrameOptions(GlobalHeadersConfig.XFrameOptions.DENY);
                headers.referrerPolicy(GlobalHeadersConfig.ReferrerPolicy.NO_REFERRER);
            });

            config.routes.before(requestLog::started);
            if (settings.metricsPort() > 0) {
                config.routes.before(ctx -> {
                    if (ctx.req().getLocalPort() == settings.metricsPort() && !ctx.path().equals("/metrics")) {
                        throw new Refused(ErrorView.simple(404, "Not on this port", "This port serves /metrics only; "
                                + "the dashboard's pages are on its other port (PORT)."));
                    }
                });
            }
            config.routes.after(requestLog::finished);
            // A POST another site's page makes a browser send is refused, in both modes (CSRF).
            config.routes.before(CrossSite::check);
            if (gate != null) {
                config.routes.before(gate::check);
                config.routes.get("/login", gate::signInPage);
                config.routes.post("/login", gate::signIn);
                config.routes.post("/logout", gate::signOut);
                config.routes.exception(AuthGate.NotSignedIn.class, AuthGate::notSignedIn);
            }
            config.routes.get("/static/<file>", assets::serve);
            config.routes.get("/webjars/<file>", assets::serve);
            config.routes.get("/", pods::listPage);
            config.routes.get("/pods/{name}", pods::detailPage);
            config.routes.get("/api/pods", pods::listJson);
            config.routes.get("/api/pods/events/room", events::room);
            config.routes.before("/api/pods/events", events::validate);
            config.routes.sse("/api/pods/events", events::stream);
            config.routes.get("/api/pods/{name}", pods::detailJson);
            config.routes.get("/pods/{name}/yaml", pods::yamlPage);
            config.routes.get("/api/pods/{name}/yaml", pods::yamlText);
            config.routes.get("/pods/{name}/logs", logs::page);
            config.routes.get("/api/pods/{name}/logs", logs::text);
            config.routes.before("/api/pods/{name}/logs/stream", logs::validateStream);
            config.routes.sse("/api/pods/{name}/logs/stream", logs::stream);
            config.routes.get("/access", access::page);
            config.routes.get("/api/access", access::matrixJson);
            config.routes.get("/api/access/can-i", access::canIJson);
            config.routes.get("/lesson", lesson::page);
            config.routes.get("/api/lesson", lesson::json);
            config.routes.post("/api/lab", lesson::openLab);
            config.routes.get("/api/lab/{id}", lesson::pollLab);
            config.routes.delete("/api/lab/{id}", lesson::forgetLab);
            config.routes.get("/token", tokens::page);
            config.routes.get("/api/token", tokens::json);
            config.routes.get("/token/decode", tokens::decodeForm);
            config.routes.post("/token/decode", tokens::decode);
            config.routes.post("/api/token/decode", tokens::decodeJson);
            // Liveness: the process answers. Readiness: settings are valid and the server can render pages, until
            // it is stopping; neither asks the API server, so an API outage does not take the explanation pages
            // off the Service.
            // Prometheus scrapes this (the pod template's prometheus.io annotations, components/service-monitor).
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(services.metrics().scrape()));
            // The version as last read (never asked here: liveness must not depend on the API server).
            config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "apiServerVersion",
                    services.version().latest().label())));
            config.routes.get("/readyz", ctx -> {
                if (stop.stopping()) {
                    ctx.status(503).json(Map.of("status", "shutting down"));
                    return;
                }
                ctx.json(Map.of("status", "ready", "mode", site.mode(), "namespace", site.namespace()));
            });
            ErrorPages.register(config.routes);
        });
    }
}
