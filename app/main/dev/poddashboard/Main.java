package dev.poddashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.poddashboard.cluster.Connection;
import dev.poddashboard.cluster.Connector;
import dev.poddashboard.config.InvalidSettingException;
import dev.poddashboard.config.Settings;
import dev.poddashboard.pods.ApiPodSource;
import dev.poddashboard.pods.DemoPods;
import dev.poddashboard.pods.PodService;
import dev.poddashboard.pods.PodSource;
import dev.poddashboard.web.Site;
import dev.poddashboard.web.WebServer;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: settings, then the cluster connection, then services, then the web server. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (InvalidSettingException e) {
            System.err.println("pod-dashboard: " + e.getMessage());
            System.exit(2);
            return;
        }
        Javalin app;
        try {
            app = create(settings, Clock.systemUTC());
        } catch (InvalidSettingException e) {
            System.err.println("pod-dashboard: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        app.start(settings.port());
    }

    /** Wires everything and returns the server unstarted; tests call this with their own settings and clock. */
    public static Javalin create(Settings settings, Clock clock) {
        ObjectMapper mapper = objectMapper();
        Connection connection = new Connector(mapper, clock).connect(settings);
        PodSource pods = connection.api().<PodSource>map(ApiPodSource::new)
                .orElseGet(() -> new DemoPods(connection.namespace(), clock.instant()));
        LOG.info("mode {}: API server {}, namespace {}", connection.mode().value(), connection.server(),
                connection.namespace());
        return WebServer.create(Site.of(connection, WebServer.bootstrapCss()), new PodService(pods, clock), mapper);
    }

    /** The one JSON configuration: RFC 3339 times, unknown fields ignored (the API grows). */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
