package dev.poddashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.poddashboard.cluster.ApiCalls;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.Connection;
import dev.poddashboard.lesson.ClusterReads;
import dev.poddashboard.lesson.Labs;
import dev.poddashboard.lesson.LessonService;
import dev.poddashboard.token.Binding;
import dev.poddashboard.cluster.Connector;
import dev.poddashboard.config.InvalidSettingException;
import dev.poddashboard.events.ApiPodEvents;
import dev.poddashboard.events.DemoPodEvents;
import dev.poddashboard.logs.ApiLogSource;
import dev.poddashboard.logs.DemoLogSource;
import dev.poddashboard.logs.Logs;
import dev.poddashboard.metrics.Metrics;
import dev.poddashboard.pods.ParserWarmup;
import dev.poddashboard.pods.PodManifest;
import dev.poddashboard.config.Settings;
import dev.poddashboard.pods.WatchedPods;
import dev.poddashboard.pods.DemoPods;
import dev.poddashboard.pods.Namespaces;
import dev.poddashboard.pods.PodScope;
import dev.poddashboard.pods.PodService;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.config.Mode;
import dev.poddashboard.identity.ApiIdentityChecks;
import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.identity.DemoIdentityChecks;
import dev.poddashboard.token.DemoToken;
import dev.poddashboard.token.OidcKeys;
import dev.poddashboard.token.ServiceAccountDirectory;
import dev.poddashboard.token.TokenHistory;
import dev.poddashboard.token.TokenInspector;
import dev.poddashboard.token.TokenRead;
import dev.poddashboard.token.TokenSource;
import dev.poddashboard.version.KubeVersion;
import dev.poddashboard.version.ServerVersion;
import dev.poddashboard.web.Services;
import dev.poddashboard.web.Warmup;
import dev.poddashboard.web.WebServer;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: settings, then the cluster connection, then services, then the web server. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /** Items per LIST page, as kubectl uses: 10,000 pods never arrive as one 44 MB response. */
    private static final int LIST_PAGE_SIZE = 500;
    /** How old listed data may get when the service account may list but not watch pods. */
    private static final java.time.Duration POLL_INTERVAL = java.time.Duration.ofSeconds(5);
    /** How often the mounted token file is looked at for a rotation (the kubelet rewrites it at 80 % of its life). */
    private static final java.time.Duration ROTATION_CHECK = java.time.Duration.ofSeconds(10);

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private Main() {
    }

    /**
     * Jetty sizes a padding by whether compressed references are on, which it asks the platform MBean server;
     * starting that server cost 30 ms of every start (measured) and ~160 classes (JMX, and JFR's management bean)
     * that the class-data archive's training run then put in the archive, loaded at every start. They are on below
     * 32 GB of heap: 64-byte cache lines hold 16 references. Before the first Jetty class; main and the training
     * run call it.
     */
    public static void withoutMBeanServer() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    public static void main(String[] args) {
        ObjectMapper mapper = objectMapper();
        withoutMBeanServer();
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (InvalidSettingException e) {
            System.err.println("pod-dashboard: " + e.getMessage());
            System.exit(2);
            return;
        }
        // As early as the mode is known, as it runs beside everything else the start does (see ParserWarmup). Demo
        // mode reads no pod list: there it would only take a core from the start.
        if (settings.effectiveMode() != Mode.DEMO) {
            ParserWarmup.start(mapper);
        }
        Javalin app;
        try {
            app = create(settings, Clock.systemUTC(), mapper);
        } catch (InvalidSettingException e) {
            System.err.println("pod-dashboard: " + e.getMessage());
            System.exit(2);
            return;
        }
        // SIGTERM (pod termination): stop() first lets running requests finish (web/GracefulStop).
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        app.start(settings.bindAddress(), settings.port());
        Warmup.start(app::port);
    }

    /** Wires everything and returns the server unstarted; tests call this with their own settings and clock. */
    public static Javalin create(Settings settings, Clock clock) {
        return create(settings, clock, objectMapper());
    }

    /** @param mapper the one ObjectMapper: Jackson keeps the deserializers it has built per mapper */
    public static Javalin create(Settings settings, Clock clock, ObjectMapper mapper) {
        Metrics metrics = new Metrics();
        Connection connection;
        ServerVersion version;
        if (settings.effectiveMode() == Mode.DEMO) {
            version = ServerVersion.fixed(KubeVersion.DEMO);
            connection = new Connector(mapper, clock, metrics).connect(settings);
        } else {
            // Told of every API call too: a call without an answer, then one with, is a reconnect: read it again.
            version = ServerVersion.live();
            connection = new Connector(mapper, clock, ApiCalls.both(metrics, version)).connect(settings);
        }
        LOG.info("mode {}: API server {}, namespace {}", connection.mode().value(), connection.server(),
                connection.namespace());
        connection.api().ifPresent(version::readFrom);
        metrics.apiServer(version);
        Services services = connection.api()
                .map(api -> live(settings, connection, api, clock, metrics, version))
                .orElseGet(() -> demo(connection, clock, metrics, version));
        metrics.token(services.history(), clock);
        if (settings.authMode() == dev.poddashboard.config.AuthMode.TOKEN) {
            // Refuses to start (exit 2) when the dashboard could not check its visitors: demo mode, or no auth-delegator.
            dev.poddashboard.auth.Preflight.check(connection.demo(), services.identity()).ifPresent(problem -> {
                throw new InvalidSettingException("AUTH_MODE", problem);
            });
        }
        return WebServer.create(connection, services, mapper, clock, settings);
    }

    private static Services live(Settings settings, Connection connection, KubeApi api, Clock clock, Metrics metrics,
                                 ServerVersion version) {
        TokenSource tokens = connection.mode() == Mode.IN_CLUSTER
                ? new ServiceAccountDirectory(settings.serviceAccountDir())
                : () -> new TokenRead.NotApplicable("In kubeconfig mode the dashboard authenticates as your kubeconfig "
                + "user, not with a mounted service-account token. Run it in a pod to see that token, or paste one "
                + "into the decoder.");
        WatchedPods pods = new WatchedPods(api, clock, LIST_PAGE_SIZE, POLL_INTERVAL);
        // Like an informer: the own namespace is listed from the start, so the first page view finds it ready.
        // Readiness does not wait for it (an API outage must not take the explanation pages off the Service).
        pods.prefetch(PodScope.of(connection.namespace()));
        metrics.watches(() -> pods.stats().stream().map(s -> new Metrics.WatchStats(s.namespace(), s.state(), s.pods(),
                s.relists(), s.expired())).toList());
        TokenHistory history = new TokenHistory(tokens, clock);
        if (connection.mode() == Mode.IN_CLUSTER) {
            // A rotation lands in the history (and the metrics) even when nobody opens a page.
            history.watch(ROTATION_CHECK);
        }
        PodService podService = new PodService(pods, clock);
        TokenInspector inspector = new TokenInspector(new OidcKeys(api, clock), clock);
        ApiIdentityChecks identity = new ApiIdentityChecks(api);
        LessonService lesson = lesson(connection, version, identity, tokens, inspector, history, podService,
                ClusterReads.of(api), clock);
        Namespaces namespaces = new Namespaces(Optional.of(api), connection.namespace(), clock);
        namespaces.prefetch(); // beside the pods, so that the first page view does not wait for it
        return new Services(podService, namespaces,
                new ApiPodEvents(api, clock), new Logs(pods, new ApiLogSource(api)), new PodManifest(pods), tokens,
                history, inspector, identity, metrics, version, lesson);
    }

    /** The lesson and its lab, over what the pages use. */
    private static LessonService lesson(Connection connection, ServerVersion version, IdentityChecks identity,
                                        TokenSource tokens, TokenInspector inspector, TokenHistory history,
                                        PodService pods, ClusterReads reads, Clock clock) {
        return new LessonService(connection.mode().value(), connection.namespace(), version, identity, tokens, inspector,
                history, pods, reads, new Labs(inspector, identity, boundObjects(pods), version::current, clock), clock);
    }

    /**
     * Whether a lab token's bound object is still there, as far as the dashboard may read: a pod by name and uid
     * (a new pod with the same name is another pod); Secrets and Nodes it may not read.
     */
    private static Labs.BoundObjects boundObjects(PodService pods) {
        return (binding, namespace) -> {
            if (binding.kind() != Binding.Kind.POD || namespace.isEmpty()) {
                return "unknown";
            }
            try {
                return pods.detail(namespace, binding.name()).uid().equals(binding.uid()) ? "exists" : "replaced";
            } catch (ClusterException.NotFound gone) {
                return "gone";
            } catch (ClusterException other) {
                return "unknown";
            }
        };
    }


    private static Services demo(Connection connection, Clock clock, Metrics metrics, ServerVersion version) {
        DemoToken token = new DemoToken(connection.namespace(), DemoPods.SERVICE_ACCOUNT, clock.instant());
        DemoPods pods = new DemoPods(connection.namespace(), clock.instant());
        PodService podService = new PodService(pods, clock);
        TokenHistory history = new TokenHistory(token, clock);
        TokenInspector inspector = new TokenInspector(token, clock);
        DemoIdentityChecks identity = new DemoIdentityChecks(connection.namespace(), DemoPods.SERVICE_ACCOUNT, DemoToken.POD,
                () -> ((TokenRead.Mounted) token.read()).raw());
        LessonService lesson = lesson(connection, version, identity, token, inspector, history, podService,
                ClusterReads.DEMO, clock);
        return new Services(podService, new Namespaces(Optional.empty(), connection.namespace(), clock),
                new DemoPodEvents(pods, clock), new Logs(pods, new DemoLogSource(pods, clock)), new PodManifest(pods), token,
                history, inspector, identity, metrics, version, lesson);
    }

    /** The one JSON configuration: RFC 3339 times, unknown fields ignored (the API grows). */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
