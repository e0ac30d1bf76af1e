package dev.poddashboard.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.config.InvalidSettingException;
import dev.poddashboard.config.Mode;
import dev.poddashboard.config.Settings;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.credentials.RefreshAuthentication;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Builds the one {@link Connection} the app uses, from the settings. */
public final class Connector {
    static final String DEMO_NAMESPACE = "dashboard";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final ObjectMapper mapper;
    private final Clock clock;
    private final ApiCalls calls;

    public Connector(ObjectMapper mapper, Clock clock) {
        this(mapper, clock, ApiCalls.NONE);
    }

    /** @param calls told of every API request and its status (the metrics) */
    public Connector(ObjectMapper mapper, Clock clock, ApiCalls calls) {
        this.mapper = mapper;
        this.clock = clock;
        this.calls = calls;
    }

    public Connection connect(Settings settings) {
        Mode mode = settings.effectiveMode();
        return switch (mode) {
            case IN_CLUSTER -> inCluster(settings);
            case KUBECONFIG -> kubeconfig(settings);
            case DEMO, AUTO -> new Connection(Mode.DEMO, Optional.empty(),
                    settings.namespace().orElse(DEMO_NAMESPACE), "none: built-in demo data, no cluster connected");
        };
    }

    private Connection inCluster(Settings settings) {
        String host = settings.apiHost().orElseThrow(() -> new InvalidSettingException("KUBERNETES_SERVICE_HOST",
                "not set, but DASHBOARD_MODE=in-cluster needs it (the kubelet sets it in every pod)"));
        // An IPv6 service host must be bracketed in a URL.
        String basePath = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.apiPort();
        ClientBuilder builder = new ClientBuilder()
                .setBasePath(basePath)
                .setAuthentication(new RefreshAuthentication(new TokenFileReader(settings.tokenFile()),
                        settings.tokenRefresh(), clock));
        if (Files.isRegularFile(settings.caFile())) {
            try {
                builder.setCertificateAuthority(Files.readAllBytes(settings.caFile()));
            } catch (IOException e) {
                throw new InvalidSettingException("SERVICE_ACCOUNT_DIR", "cannot read " + settings.caFile() + ": " + e.getMessage());
            }
        }
        String namespace = settings.namespace().orElseGet(() -> readNamespace(settings.namespaceFile()));
        String credentials = "the service-account token mounted at " + settings.tokenFile()
                + ", re-read every " + settings.tokenRefresh().toSeconds() + " s";
        return new Connection(Mode.IN_CLUSTER, Optional.of(api(builder, basePath)), namespace, credentials);
    }

    private Connection kubeconfig(Settings settings) {
        Path file = settings.kubeconfig();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            KubeConfig config = KubeConfig.loadKubeConfig(reader);
            config.setFile(file.toFile());
            if (config.getServer() == null) {
                throw new InvalidSettingException("KUBECONFIG", file + " has no current context with a cluster server");
            }
            String namespace = settings.namespace()
                    .orElseGet(() -> Optional.ofNullable(config.getNamespace()).orElse("default"));
            return new Connection(Mode.KUBECONFIG, Optional.of(api(ClientBuilder.kubeconfig(config), config.getServer())), namespace,
                    "the user of kubeconfig context '" + config.getCurrentContext() + "' (" + file + ")");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException("KUBECONFIG", "cannot use " + file + ": " + e.getMessage());
        }
    }

    /** The client is built beside the web server's start (see KubeApi); the settings were checked already. */
    private KubeApi api(ClientBuilder builder, String basePath) {
        return new KubeApi(() -> {
            ApiClient client = builder.setApiClient(new TransportClient()).setReadTimeout(READ_TIMEOUT).build();
            client.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            return client;
        }, basePath, mapper, calls);
    }

    private static String readNamespace(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            return value.isEmpty() ? "default" : value;
        } catch (IOException e) {
            return "default";
        }
    }
}
