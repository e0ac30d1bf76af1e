package dev.poddashboard.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the dashboard reads from its environment, validated once at start-up.
 *
 * @param port                 {@code PORT}, the HTTP port (default 8080)
 * @param serviceAccountDir    {@code SERVICE_ACCOUNT_DIR}, where the kubelet mounts token, ca.crt and namespace
 * @param apiHost              {@code KUBERNETES_SERVICE_HOST}, set by the kubelet in every pod
 * @param apiPort              {@code KUBERNETES_SERVICE_PORT} (default 443)
 * @param namespace            {@code DASHBOARD_NAMESPACE}, overrides the mounted {@code namespace} file
 * @param mode                 {@code DASHBOARD_MODE}: auto, in-cluster, kubeconfig or demo
 * @param tokenRefresh         {@code TOKEN_REFRESH_SECONDS}: how long one read of the token file is reused (default 60)
 * @param kubeconfig           {@code KUBECONFIG} (first entry), else {@code ~/.kube/config}
 * @param bindAddress          {@code BIND_ADDRESS}: the address to listen on (default 0.0.0.0; 127.0.0.1 on a shared machine)
 * @param logFormat            {@code LOG_FORMAT}: plain (default) or json, one object per line (read by LogSetup)
 * @param liveStreams          {@code MAX_LIVE_STREAMS} and {@code MAX_LIVE_STREAMS_PER_CLIENT}: open live pod lists
 * @param authMode             {@code AUTH_MODE}: none (default: whoever reaches the port) or token (each visitor signs in)
 * @param metricsPort          {@code METRICS_PORT}: a second port that serves only /metrics (0, the default: none), so a
 *                             NetworkPolicy can admit Prometheus to the metrics and nothing else
 */
public record Settings(
        int port,
        Path serviceAccountDir,
        Optional<String> apiHost,
        int apiPort,
        Optional<String> namespace,
        Mode mode,
        Duration tokenRefresh,
        Path kubeconfig,
        String bindAddress,
        String logFormat,
        StreamLimits liveStreams,
        AuthMode authMode,
        int metricsPort) {

    public static final Path DEFAULT_SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    // A namespace is a DNS-1123 label, as the API server validates it.
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    // An IPv4 literal, or an IPv6 one (hex groups and colons): never a host name, so nothing is looked up.
    private static final Pattern IP_LITERAL = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    public Settings {
        Objects.requireNonNull(serviceAccountDir);
        Objects.requireNonNull(apiHost);
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(mode);
        Objects.requireNonNull(tokenRefresh);
        Objects.requireNonNull(kubeconfig);
        Objects.requireNonNull(bindAddress);
        Objects.requireNonNull(logFormat);
        Objects.requireNonNull(liveStreams);
        Objects.requireNonNull(authMode);
    }

    /** Reads and validates the environment; throws {@link InvalidSettingException} naming the bad variable. */
    public static Settings fromEnvironment(Map<String, String> env, Path home) {
        int port = integer(env, "PORT", 8080, 0, 65535);
        Path saDir = Path.of(text(env, "SERVICE_ACCOUNT_DIR").orElse(DEFAULT_SERVICE_ACCOUNT_DIR.toString()));
        Optional<String> host = text(env, "KUBERNETES_SERVICE_HOST");
        int apiPort = integer(env, "KUBERNETES_SERVICE_PORT", 443, 1, 65535);
        Optional<String> namespace = text(env, "DASHBOARD_NAMESPACE");
        namespace.ifPresent(ns -> {
            if (!DNS_LABEL.matcher(ns).matches()) {
                throw new InvalidSettingException("DASHBOARD_NAMESPACE",
                        "'" + ns + "' is not a valid namespace name (lower-case letters, digits and '-', at most 63)");
            }
        });
        Mode mode = text(env, "DASHBOARD_MODE").map(Mode::parse).orElse(Mode.AUTO);
        Duration refresh = Duration.ofSeconds(integer(env, "TOKEN_REFRESH_SECONDS", 60, 0, 86_400));
        Path kubeconfig = text(env, "KUBECONFIG")
                .map(list -> Path.of(list.split(java.io.File.pathSeparator)[0]))
                .orElse(home.resolve(".kube").resolve("config"));
        String bind = text(env, "BIND_ADDRESS").orElse("0.0.0.0");
        if (!IP_LITERAL.matcher(bind).matches()) {
            throw new InvalidSettingException("BIND_ADDRESS", "'" + bind + "' is not an IP address such as 0.0.0.0, "
                    + "127.0.0.1 or ::1");
        }
        String logFormat = text(env, "LOG_FORMAT").orElse("plain");
        if (!logFormat.equals("plain") && !logFormat.equals("json")) {
            throw new InvalidSettingException("LOG_FORMAT", "'" + logFormat + "' is neither plain nor json");
        }
        StreamLimits streams = new StreamLimits(
                integer(env, "MAX_LIVE_STREAMS", StreamLimits.derived(Runtime.getRuntime().maxMemory()), 1, 100_000),
                integer(env, "MAX_LIVE_STREAMS_PER_CLIENT", StreamLimits.DEFAULT_PER_CLIENT, 1, 1_000));
        AuthMode auth = text(env, "AUTH_MODE").map(AuthMode::parse).orElse(AuthMode.NONE);
        int metricsPort = integer(env, "METRICS_PORT", 0, 0, 65535);
        if (metricsPort != 0 && metricsPort == port) {
            throw new InvalidSettingException("METRICS_PORT", metricsPort + " is PORT too; give /metrics a port of its own, or 0 for none");
        }
        return new Settings(port, saDir, host, apiPort, namespace, mode, refresh, kubeconfig, bind, logFormat, streams, auth,
                metricsPort);
    }

    public Path tokenFile() {
        return serviceAccountDir.resolve("token");
    }

    public Path caFile() {
        return serviceAccountDir.resolve("ca.crt");
    }

    public Path namespaceFile() {
        return serviceAccountDir.resolve("namespace");
    }

    /**
     * The mode {@code auto} stands for: in-cluster inside a pod (the kubelet sets KUBERNETES_SERVICE_HOST),
     * unless the mount is missing and a kubeconfig is at hand; else kubeconfig; else demo.
     * A pod with {@code automountServiceAccountToken: false} stays in-cluster so its pages can explain why.
     */
    public Mode effectiveMode() {
        if (mode != Mode.AUTO) {
            return mode;
        }
        boolean mounted = Files.isRegularFile(caFile());
        boolean hasKubeconfig = Files.isRegularFile(kubeconfig);
        if (apiHost.isPresent() && (mounted || !hasKubeconfig)) {
            return Mode.IN_CLUSTER;
        }
        return hasKubeconfig ? Mode.KUBECONFIG : Mode.DEMO;
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> raw = text(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new InvalidSettingException(name, raw.get() + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(name, "'" + raw.get() + "' is not a whole number");
        }
    }
}
