package dev.poddashboard.pods;

import dev.poddashboard.cluster.ApiStatus;
import dev.poddashboard.cluster.ClusterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Built-in sample pods for a laptop with no cluster, one for each status kubectl prints that a student should
 * recognise. The dashboard's ServiceAccount may read only its own namespace here, as in the real manifests, so
 * any other namespace answers 403 exactly as the API server words it.
 */
public final class DemoPods implements PodStore {
    public static final String SERVICE_ACCOUNT = "dashboard-sa";
    private static final String NODE = "demo-node-1";

    private final String namespace;
    private final List<Pod> pods;
    private final PodSnapshot snapshot;

    public DemoPods(String namespace, Instant now) {
        this.namespace = namespace;
        Instant start = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.pods = samples(namespace, start);
        this.snapshot = new PodSnapshot(PodScope.of(namespace), pods.stream().map(PodPrinter::summarize)
                .sorted(java.util.Comparator.comparing(PodSummary::name)).toList(),
                new Freshness("demo", start, null, ""), true);
    }

    @Override
    public PodSnapshot snapshot(PodScope scope) {
        requireReadable(scope, "list", null);
        return snapshot;
    }

    /** The demo data never changes, so there is nothing to send. */
    @Override
    public Subscription subscribe(PodScope scope, PodListener listener) {
        requireReadable(scope, "watch", null);
        return () -> { };
    }

    @Override
    public Pod get(String ns, String name) {
        requireReadable(PodScope.of(ns), "get", name);
        return pods.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ClusterException.NotFound("pods \"" + name + "\" not found"));
    }

    /** As with the base manifests: the ServiceAccount may read pods in its own namespace only. */
    /** The sample pod as JSON, as an API server would send it (the sample holds only the fields the pages use). */
    @Override
    public com.fasterxml.jackson.databind.JsonNode manifest(String ns, String name) {
        Pod pod = get(ns, name);
        com.fasterxml.jackson.databind.node.ObjectNode json = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        json.setAll((com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(pod));
        return json;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);

    private void requireReadable(PodScope scope, String verb, String name) {
        if (!scope.isAll() && namespace.equals(scope.namespace())) {
            return;
        }
        String where = scope.isAll() ? " at the cluster scope" : " in the namespace \"" + scope.namespace() + "\"";
        String message = "pods " + (name == null ? "" : "\"" + name + "\" ") + "is forbidden: User \"system:serviceaccount:"
                + namespace + ":" + SERVICE_ACCOUNT + "\" cannot " + verb + " resource \"pods\" in API group \"\"" + where;
        throw new ClusterException.Forbidden(new ApiStatus("Failure", message, "Forbidden",
                new ApiStatus.Details(name, null, "pods"), 403));
    }

    private static List<Pod> samples(String ns, Instant now) {
        List<Pod> list = new ArrayList<>();
        Pod.ContainerState running = running(now.minus(Duration.ofHours(3)));
        list.add(pod(ns, "pod-dashboard-7c9d5b6f4-k2x8q", now.minus(Duration.ofHours(3)), SERVICE_ACCOUNT, null, "Running",
                List.of(), List.of(container("dashboard", "pod-dashboard:latest")), List.of(),
                List.of(status("dashboard", true, 0, running, null)), true));
        list.add(pod(ns, "nginx-web-5f7d8c9b4-q7m4z", now.minus(Duration.ofDays(3)), "default", null, "Running",
                List.of(), List.of(container("nginx", "nginx:1.27")), List.of(),
                List.of(status("nginx", true, 0, running, null)), true));
        list.add(pod(ns, "api-gateway-6d8f7b5c9-h4j2n", now.minus(Duration.ofMinutes(42)), "default", null, "Running",
                List.of(), List.of(container("gateway", "example/api-gateway:2.1")), List.of(),
                List.of(status("gateway", false, 7, waiting("CrashLoopBackOff",
                                "back-off 5m0s restarting failed container=gateway"),
                        terminated(1, "Error", now.minus(Duration.ofMinutes(3))))), false));
        list.add(pod(ns, "db-migrate-x7k2p", now.minus(Duration.ofSeconds(95)), "default", null, "Pending",
                List.of(container("wait-for-db", "busybox:1.36"), container("migrate", "example/migrate:5")),
                List.of(container("app", "example/app:5")),
                List.of(status("wait-for-db", false, 0, terminated(0, "Completed", now.minusSeconds(60)), null),
                        status("migrate", false, 0, running(now.minusSeconds(58)), null)),
                List.of(status("app", false, 0, waiting("PodInitializing", null), null)), false));
        list.add(pod(ns, "image-typo-7f9b8d6c5-zz9rt", now.minus(Duration.ofMinutes(7)), "default", null, "Pending",
                List.of(), List.of(container("web", "ngnix:latest")), List.of(),
                List.of(status("web", false, 0, waiting("ImagePullBackOff",
                        "Back-off pulling image \"ngnix:latest\""), null)), false));
        list.add(pod(ns, "report-job-28412870-abcde", now.minus(Duration.ofHours(5)), "default", null, "Succeeded",
                List.of(), List.of(container("report", "example/report:1")), List.of(),
                List.of(status("report", false, 0, terminated(0, "Completed", now.minus(Duration.ofHours(4))), null)), false));
        list.add(pod(ns, "cache-warmer-0", now.minus(Duration.ofDays(12)), "default", null, "Running",
                List.of(), List.of(container("warmer", "example/cache-warmer:3")), List.of(),
                List.of(status("warmer", false, 3, terminated(137, "OOMKilled", now.minusSeconds(20)),
                        terminated(137, "OOMKilled", now.minus(Duration.ofMinutes(9))))), false));
        Pod.Container sidecar = new Pod.Container("log-shipper", "fluent/fluent-bit:3.1", "Always", List.of());
        list.add(pod(ns, "web-with-sidecar-0", now.minus(Duration.ofHours(26)), "default", null, "Running",
                List.of(sidecar), List.of(container("web", "nginx:1.27")),
                List.of(new Pod.ContainerStatus("log-shipper", true, 1, true, sidecar.image(), running,
                        new Pod.ContainerState(null, null, new Pod.Terminated(1, 0, "Error", null,
                                null, now.minus(Duration.ofHours(20)))))),
                List.of(status("web", true, 0, running, null)), true));
        list.add(pod(ns, "pending-worker", now.minus(Duration.ofMinutes(15)), "default", null, "Pending",
                List.of(), List.of(container("worker", "example/worker:1")), List.of(), List.of(), false));
        list.add(withDeletion(pod(ns, "old-replica-5f7d8c9b4-x2k9p", now.minus(Duration.ofDays(400)), "default", null,
                "Running", List.of(), List.of(container("nginx", "nginx:1.25")), List.of(),
                List.of(status("nginx", true, 0, running, null)), true), now.minusSeconds(12)));
        list.add(new Pod(meta(ns, "batch-evicted-7h2kq", now.minus(Duration.ofDays(2)), null),
                spec("default", null, List.of(), List.of(container("batch", "example/batch:2"))),
                new Pod.Status("Failed", "Evicted", "The node was low on resource: memory.", List.of(), "10.0.0.5",
                        null, List.of(), null, now.minus(Duration.ofDays(2)), "BestEffort", List.of(), List.of(), List.of())));
        list.add(pod(ns, "no-token-pod", now.minus(Duration.ofHours(1)), "default", Boolean.FALSE, "Running",
                List.of(), List.of(container("app", "example/app:5")), List.of(),
                List.of(status("app", true, 0, running, null)), true));
        return List.copyOf(list);
    }

    private static Pod pod(String ns, String name, Instant created, String serviceAccount, Boolean automount,
                           String phase, List<Pod.Container> inits, List<Pod.Container> containers,
                           List<Pod.ContainerStatus> initStatuses, List<Pod.ContainerStatus> statuses, boolean ready) {
        boolean scheduled = !name.startsWith("pending");
        List<Pod.Condition> conditions = new ArrayList<>();
        conditions.add(new Pod.Condition("PodScheduled", scheduled ? "True" : "False",
                scheduled ? null : "Unschedulable", scheduled ? null : "0/3 nodes are available: 3 Insufficient cpu.", created));
        if (scheduled) {
            // Initialized once every init container exited 0, or (a sidecar) has started.
            boolean initialized = initStatuses.stream().allMatch(s -> s.state().terminated() != null
                    && s.state().terminated().exitCode() == 0
                    || inits.stream().anyMatch(c -> c.name().equals(s.name()) && c.sidecar()) && Boolean.TRUE.equals(s.started()));
            conditions.add(new Pod.Condition("Initialized", initialized ? "True" : "False", null, null, created));
            conditions.add(new Pod.Condition("Ready", ready ? "True" : "False", null, null, created));
            conditions.add(new Pod.Condition("ContainersReady", ready ? "True" : "False", null, null, created));
        }
        int ipSuffix = 10 + Math.floorMod(name.hashCode(), 200);
        List<Pod.PodIP> ips = scheduled ? List.of(new Pod.PodIP("10.244.0." + ipSuffix)) : List.of();
        Pod.Spec spec = spec(serviceAccount, automount, inits, containers);
        if (!scheduled) {
            spec = new Pod.Spec("", spec.serviceAccountName(), automount, inits, spec.containers(), spec.volumes(), List.of(), List.of());
        }
        return new Pod(meta(ns, name, created, null), spec,
                new Pod.Status(phase, null, null, conditions, scheduled ? "10.0.0.5" : null,
                        scheduled ? ips.get(0).ip() : null, ips, null, scheduled ? created : null, "BestEffort",
                        initStatuses, statuses, List.of()));
    }

    private static Pod withDeletion(Pod pod, Instant deletedAt) {
        Pod.Metadata m = pod.metadata();
        return new Pod(new Pod.Metadata(m.name(), m.namespace(), m.uid(), "1", m.creationTimestamp(), deletedAt, m.labels(),
                m.annotations()), pod.spec(), pod.status());
    }

    private static Pod.Metadata meta(String ns, String name, Instant created, Instant deleted) {
        String app = name.replaceAll("(-[a-z0-9]{8,10})?-[a-z0-9]{5}$", "").replaceAll("-\\d+$", "");
        return new Pod.Metadata(name, ns, java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                "1", created, deleted, Map.of("app", app), Map.of());
    }

    /** The ServiceAccount admission plugin's work: the kube-api-access volume, mounted into every container. */
    private static Pod.Spec spec(String serviceAccount, Boolean automount, List<Pod.Container> inits,
                                 List<Pod.Container> containers) {
        boolean mount = !Boolean.FALSE.equals(automount);
        String volume = "kube-api-access-" + Integer.toString(Math.floorMod(serviceAccount.hashCode() + containers.hashCode(), 60466176), 36);
        List<Pod.Volume> volumes = mount ? List.of(new Pod.Volume(volume, new Pod.Projected(List.of(
                new Pod.ProjectedSource(new Pod.ServiceAccountTokenProjection(null, 3607L, "token"), null, null),
                new Pod.ProjectedSource(null, new Pod.ConfigMapProjection("kube-root-ca.crt",
                        List.of(new Pod.KeyToPath("ca.crt", "ca.crt"))), null),
                new Pod.ProjectedSource(null, null, new Pod.DownwardApiProjection(List.of(
                        new Pod.DownwardApiItem("namespace", new Pod.FieldRef("metadata.namespace"))))))))) : List.of();
        List<Pod.VolumeMount> mounts = mount
                ? List.of(new Pod.VolumeMount(volume, "/var/run/secrets/kubernetes.io/serviceaccount", true)) : List.of();
        return new Pod.Spec(NODE, serviceAccount, automount,
                inits.stream().map(c -> new Pod.Container(c.name(), c.image(), c.restartPolicy(), mounts)).toList(),
                containers.stream().map(c -> new Pod.Container(c.name(), c.image(), c.restartPolicy(), mounts)).toList(),
                volumes, List.of(), List.of());
    }

    private static Pod.Container container(String name, String image) {
        return new Pod.Container(name, image, null, List.of());
    }

    private static Pod.ContainerStatus status(String name, boolean ready, int restarts, Pod.ContainerState state,
                                              Pod.ContainerState last) {
        return new Pod.ContainerStatus(name, ready, restarts, state.running() != null, null, state, last);
    }

    private static Pod.ContainerState running(Instant since) {
        return new Pod.ContainerState(new Pod.Running(since), null, null);
    }

    private static Pod.ContainerState waiting(String reason, String message) {
        return new Pod.ContainerState(null, new Pod.Waiting(reason, message), null);
    }

    private static Pod.ContainerState terminated(int exitCode, String reason, Instant finished) {
        return new Pod.ContainerState(null, null, new Pod.Terminated(exitCode, 0, reason, null,
                finished.minusSeconds(30), finished));
    }
}
