package dev.poddashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.config.Settings;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** k8s-manifests/ parses as Kubernetes objects and holds together with the app, the Dockerfile and README. */
class ManifestsTest {
    private static final Path BASE = Path.of("k8s-manifests");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kustomization(Path dir) throws IOException {
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> resources(Path dir) throws IOException {
        List<Object> objects = new ArrayList<>();
        for (String file : (List<String>) kustomization(dir).getOrDefault("resources", List.of())) {
            Path path = dir.resolve(file);
            assertThat(path).as("resource listed in %s", dir).exists();
            String text = Files.readString(path);
            if (text.contains("kind: ServiceMonitor")) {
                // A custom resource of the Prometheus Operator: client-java has no model for it.
                new org.yaml.snakeyaml.Yaml().loadAll(text).forEach(objects::add);
            } else {
                objects.addAll(Yaml.loadAll(path.toFile()));
            }
        }
        return objects;
    }

    private static <T> T only(List<Object> objects, Class<T> type) {
        List<T> matches = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matches).as(type.getSimpleName()).hasSize(1);
        return matches.get(0);
    }

    private static V1Deployment deployment() throws IOException {
        return only(resources(BASE), V1Deployment.class);
    }

    @Test
    void baseHoldsExactlyTheExpectedObjectsInOneNamespace() throws IOException {
        List<Object> objects = resources(BASE);
        assertThat(objects).hasSize(7);
        String namespace = (String) kustomization(BASE).get("namespace");
        assertThat(only(objects, V1Namespace.class).getMetadata().getName()).isEqualTo(namespace);
        assertThat(only(objects, V1RoleBinding.class).getSubjects().get(0).getNamespace()).isEqualTo(namespace);
    }

    @Test
    void theDeploymentRunsAsTheServiceAccountTheRoleBindingGrants() throws IOException {
        List<Object> objects = resources(BASE);
        String serviceAccount = only(objects, V1ServiceAccount.class).getMetadata().getName();
        assertThat(serviceAccount).isEqualTo("dashboard-sa");
        assertThat(only(objects, V1Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(serviceAccount);
        V1RoleBinding binding = only(objects, V1RoleBinding.class);
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(serviceAccount);
        });
        V1Role role = only(objects, V1Role.class);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    }

    @Test
    void theRoleIsReadOnlyAndOnlyForPodsAndTheirEvents() throws IOException {
        V1Role role = only(resources(BASE), V1Role.class);
        assertThat(role.getRules()).hasSize(2).allSatisfy(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("");
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch");
            assertThat(rule.getResourceNames()).isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
        });
        // No secrets, no exec, no logs (a lesson of its own), nothing that changes anything.
        assertThat(role.getRules()).flatExtracting(V1PolicyRule::getResources).containsExactly("pods", "events");
    }

    @Test
    void probesAndPortsMatchTheApp() throws IOException {
        V1Container container = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        int defaultPort = Settings.fromEnvironment(Map.of(), Path.of("/nonexistent")).port();
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getContainerPort()).isEqualTo(defaultPort);
            assertThat(p.getName()).isEqualTo("http");
        });
        V1Probe liveness = container.getLivenessProbe();
        V1Probe readiness = container.getReadinessProbe();
        assertThat(liveness.getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(readiness.getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(liveness.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(readiness.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));

        V1Service service = only(resources(BASE), V1Service.class);
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(80);
            assertThat(p.getTargetPort()).isEqualTo(new IntOrString("http"));
        });
        assertThat(service.getSpec().getSelector())
                .isEqualTo(deployment().getSpec().getTemplate().getMetadata().getLabels());
    }

    @Test
    void theProbesGetWhatTheyExpectFromTheRunningApp() throws IOException {
        V1Container container = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        try (RunningApp app = RunningApp.demo(new MutableClock(Instant.parse("2026-11-22T12:00:00Z")))) {
            assertThat(app.get(container.getLivenessProbe().getHttpGet().getPath()).statusCode()).isEqualTo(200);
            assertThat(app.get(container.getReadinessProbe().getHttpGet().getPath()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theContainerIsLockedDown() throws IOException {
        V1PodSpec pod = deployment().getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        V1Container container = pod.getContainers().get(0);
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        // A writable /tmp for the JVM and Jetty, since the root filesystem is read-only.
        String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow().getName();
        assertThat(pod.getVolumes()).extracting(V1Volume::getName).contains(tmpVolume);
        assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow()
                .getEmptyDir()).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageNameAgreesWithTheDockerfileAndReadme() throws IOException {
        V1Container container = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Object> image = ((List<Map<String, Object>>) kustomization(BASE).get("images")).get(0);
        assertThat(image.get("name")).isEqualTo(container.getImage());
        String tagged = image.get("newName") + ":" + image.get("newTag");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("docker build -t " + tagged + " .");
        assertThat(Files.readString(Path.of("README.md"))).contains("docker build -t " + tagged + " .")
                .contains("kubectl apply -k k8s-manifests/");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("USER 10001:10001").contains("EXPOSE 8080");
    }

    @Test
    void theDockerfilesTrainingRunStartsEveryPageAndExitsCleanly() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("dev.poddashboard.training.StartupTraining").contains("-XX:AOTCacheOutput=/app/pod-dashboard.aot")
                .contains("\"-XX:AOTCache=/app/pod-dashboard.aot\"");
        // As the image's build runs it: demo mode, then in-cluster mode against stand-in API servers over TLS and
        // HTTP/2 (RSA and EC certificates); it exits 1 naming every live page that did not answer.
        Path log = Files.createTempFile("training", ".log");
        Path appLog = Files.createTempFile("training-app", ".log"); // its own log, not this JVM's (logback-test.xml)
        Process training = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtest.app.log=" + appLog, "-cp", System.getProperty("java.class.path"), "dev.poddashboard.training.StartupTraining")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(training.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log) + Files.readString(appLog);
        assertThat(training.exitValue()).as(output.lines().filter(l -> l.contains("failed") || l.contains("Exception"))
                .collect(java.util.stream.Collectors.joining("\n"))).isZero();
        // The live rounds spoke TLS to their stand-ins, with an RSA and with an EC chain.
        assertThat(output).containsPattern("mode in-cluster: API server https://127\\.0\\.0\\.1:\\d+/");
        Files.delete(log);
        Files.delete(appLog);
    }

    /** The JVM starts without the AOT cache if the flags it depends on differ; the bench must measure the image's. */
    @Test
    void theTrainingRunTheEntrypointAndTheBenchmarkTakeTheirJvmFlagsFromOneFile() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("COPY jvm.options /app/\n")
                .contains("RUN /opt/jre/bin/java @/app/jvm.options -XX:AOTCacheOutput=/app/pod-dashboard.aot ")
                .contains("ENTRYPOINT [\"/opt/jre/bin/java\", \"@/app/jvm.options\", \"-XX:AOTCache=/app/pod-dashboard.aot\", "
                        + "\"-jar\", \"/app/pod-dashboard.jar\"]");
        assertThat(Files.readString(Path.of(".dockerignore"))).contains("\n!jvm.options\n");
        // The launcher's reading of an argument file: a flag per word, '#' to the end of a line a comment.
        List<String> options = flags(Files.readString(Path.of("jvm.options")).replaceAll("#[^\n]*", " "));
        assertThat(options).contains("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "-XX:MinRAMPercentage=31.25")
                .allMatch(f -> f.startsWith("-X") || f.startsWith("-D"));
        assertThat(Files.readString(Path.of("bench", "run")))
                .contains("FLAGS=\"-XX:MaxRAM=320m $(sed 's/#.*//' jvm.options | tr -s '[:space:]' ' ')\"");
        // The benchmark's MaxRAM is the Deployment's limit, for every row: the cluster-wide component (the -A row)
        // keeps it.
        assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
                .get("memory").toSuffixedString()).isEqualTo("320Mi");
        assertThat(Files.readString(BASE.resolve("components/cluster-wide/kustomization.yaml"))).doesNotContain("resources/limits");
    }

    private static List<String> flags(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+")).filter(f -> !f.isBlank()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyComponentParsesAndReferencesNamesThatExist() throws IOException {
        V1Deployment deployment = deployment();
        String deploymentName = deployment.getMetadata().getName();
        String serviceAccount = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        Path components = BASE.resolve("components");
        List<String> names = new ArrayList<>();
        try (var dirs = Files.list(components)) {
            dirs.forEach(d -> names.add(d.getFileName().toString()));
        }
        assertThat(names).containsExactlyInAnyOrder("cluster-wide", "logs", "token-review", "no-automount", "short-token",
                "legacy-token", "network-policy", "service-monitor", "exposed");
        for (String name : names) {
            Path dir = components.resolve(name);
            Map<String, Object> k = kustomization(dir);
            assertThat(k.get("kind")).as(name).isEqualTo("Component");
            for (Object object : resources(dir)) {
                if (object instanceof V1ClusterRoleBinding binding) {
                    assertThat(binding.getSubjects()).as(name).allSatisfy(s -> assertThat(s.getName()).isEqualTo(serviceAccount));
                } else if (object instanceof V1Secret secret) {
                    assertThat(secret.getType()).isEqualTo("kubernetes.io/service-account-token");
                    assertThat(secret.getMetadata().getAnnotations())
                            .containsEntry("kubernetes.io/service-account.name", serviceAccount);
                } else if (object instanceof V1RoleBinding binding) {
                    assertThat(binding.getSubjects()).as(name).allSatisfy(s -> assertThat(s.getName()).isEqualTo(serviceAccount));
                    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
                } else {
                    assertThat(object).as(name).isInstanceOfAny(V1ClusterRole.class, V1Role.class,
                            io.kubernetes.client.openapi.models.V1NetworkPolicy.class, Map.class);
                }
            }
            for (Map<String, Object> patch : (List<Map<String, Object>>) k.getOrDefault("patches", List.of())) {
                Map<String, Object> target = (Map<String, Object>) patch.get("target");
                assertThat(target.get("kind")).as(name).isIn("Deployment", "Service");
                assertThat(target.get("name")).as(name).isEqualTo(target.get("kind").equals("Deployment") ? deploymentName
                        : only(resources(BASE), V1Service.class).getMetadata().getName());
                if (patch.containsKey("path")) {
                    V1Deployment patched = (V1Deployment) Yaml.load(dir.resolve((String) patch.get("path")).toFile());
                    assertThat(patched.getMetadata().getName()).isEqualTo(deploymentName);
                    V1PodSpec spec = patched.getSpec().getTemplate().getSpec();
                    assertThat(spec.getAutomountServiceAccountToken()).as(name).isFalse();
                    String mounted = spec.getContainers().get(0).getVolumeMounts().get(0).getName();
                    assertThat(spec.getContainers().get(0).getName())
                            .isEqualTo(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getName());
                    assertThat(spec.getVolumes()).extracting(V1Volume::getName).containsExactly(mounted);
                    assertThat(spec.getContainers().get(0).getVolumeMounts().get(0).getMountPath())
                            .isEqualTo(Settings.DEFAULT_SERVICE_ACCOUNT_DIR.toString());
                }
            }
        }
        V1ClusterRole clusterWide = (V1ClusterRole) Yaml.loadAll(components.resolve("cluster-wide/clusterrole.yaml").toFile()).get(0);
        assertThat(clusterWide.getRules().get(0).getVerbs()).containsExactlyInAnyOrder("get", "list", "watch");
        assertThat(clusterWide.getRules().get(0).getResources()).containsExactlyInAnyOrder("pods", "namespaces", "events");
        List<Object> logs = Yaml.loadAll(components.resolve("logs/role.yaml").toFile());
        V1Role logReader = (V1Role) logs.get(0);
        // Exactly what the dashboard's 403 page tells a user to create (cluster/RbacDenial).
        assertThat(logReader.getMetadata().getName()).isEqualTo("pods-log-reader");
        assertThat(logReader.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getResources()).containsExactly("pods/log");
            assertThat(rule.getVerbs()).containsExactly("get");
        });
        assertThat(((V1RoleBinding) logs.get(1)).getRoleRef().getName()).isEqualTo("pods-log-reader");
        V1ClusterRoleBinding delegator = (V1ClusterRoleBinding) Yaml.load(components.resolve("token-review/clusterrolebinding.yaml").toFile());
        assertThat(delegator.getRoleRef().getName()).isEqualTo("system:auth-delegator");
        V1Deployment shortToken = (V1Deployment) Yaml.load(components.resolve("short-token/deployment-patch.yaml").toFile());
        assertThat(shortToken.getSpec().getTemplate().getSpec().getVolumes().get(0).getProjected().getSources())
                .filteredOn(s -> s.getServiceAccountToken() != null)
                .allSatisfy(s -> assertThat(s.getServiceAccountToken().getExpirationSeconds()).isEqualTo(600L))
                .anySatisfy(s -> assertThat(s.getServiceAccountToken().getAudience()).isEqualTo("pod-dashboard"));
    }

    private static io.kubernetes.client.openapi.models.V1NetworkPolicy policy(Path dir) throws IOException {
        return resources(dir).stream().filter(io.kubernetes.client.openapi.models.V1NetworkPolicy.class::isInstance)
                .map(io.kubernetes.client.openapi.models.V1NetworkPolicy.class::cast).findFirst().orElseThrow();
    }

    @Test
    void byDefaultNoPodMayConnectAndTheComponentsOpenOnlyWhatTheyNeed() throws IOException {
        V1Deployment deployment = deployment();
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        // Base: ingress locked (port-forward and the kubelet's probes are not subject to it).
        var locked = policy(BASE);
        assertThat(locked.getSpec().getPodSelector().getMatchLabels()).isEqualTo(labels);
        assertThat(locked.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(locked.getSpec().getIngress()).isEmpty();
        // components/network-policy: egress only to the API server.
        var egress = policy(BASE.resolve("components/network-policy"));
        assertThat(egress.getSpec().getPodSelector().getMatchLabels()).isEqualTo(labels);
        assertThat(egress.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(egress.getSpec().getIngress()).isNullOrEmpty();
        assertThat(egress.getSpec().getEgress()).singleElement().satisfies(rule ->
                assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntValue()).containsExactlyInAnyOrder(443, 6443));
        // components/service-monitor: Prometheus's namespace, to the metrics port only (which serves /metrics only).
        var metrics = policy(BASE.resolve("components/service-monitor"));
        assertThat(metrics.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring"));
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntValue()).containsExactly(9090);
        });
        String monitor = Files.readString(BASE.resolve("components/service-monitor/kustomization.yaml"));
        assertThat(monitor).contains("{name: METRICS_PORT, value: \"9090\"}").contains("{name: metrics, containerPort: 9090}")
                .contains("{name: metrics, port: 9090, targetPort: metrics}");
        assertThat(Settings.fromEnvironment(Map.of("METRICS_PORT", "9090"), Path.of("/nonexistent")).metricsPort()).isEqualTo(9090);
        // components/exposed: AUTH_MODE=token, and the app's port open to other pods.
        var exposed = policy(BASE.resolve("components/exposed"));
        int appPort = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
        assertThat(exposed.getSpec().getIngress()).singleElement().satisfies(rule ->
                assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntValue()).containsExactly(appPort));
        assertThat(Files.readString(BASE.resolve("components/exposed/kustomization.yaml"))).contains("{name: AUTH_MODE, value: token}");
        assertThat(Settings.fromEnvironment(Map.of("AUTH_MODE", "token"), Path.of("/nonexistent")).authMode())
                .isEqualTo(dev.poddashboard.config.AuthMode.TOKEN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusFindsTheMetricsByAnnotationOrServiceMonitor() throws IOException {
        V1Deployment deployment = deployment();
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        int containerPort = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", Integer.toString(containerPort)).containsEntry("prometheus.io/path", "/metrics");
        Map<String, Object> monitor = (Map<String, Object>) resources(BASE.resolve("components/service-monitor")).stream()
                .filter(Map.class::isInstance).findFirst().orElseThrow();
        assertThat(monitor.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        Map<String, Object> spec = (Map<String, Object>) monitor.get("spec");
        V1Service service = only(resources(BASE), V1Service.class);
        // A ServiceMonitor selects Services by their labels, then scrapes the named port of their endpoints.
        assertThat(((Map<String, Object>) spec.get("selector")).get("matchLabels")).isEqualTo(service.getMetadata().getLabels());
        Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
        // the port the component adds to the Service (and to the container, with METRICS_PORT)
        assertThat(endpoint.get("port")).isEqualTo("metrics");
        assertThat(endpoint.get("path")).isEqualTo("/metrics");
    }
}
