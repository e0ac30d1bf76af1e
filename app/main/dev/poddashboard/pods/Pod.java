package dev.poddashboard.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A core/v1 Pod, keeping only the fields the dashboard shows. Unknown fields (managedFields, newer API fields)
 * are skipped while parsing, so 10,000 pods never turn into 10,000 full object trees.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pod(Metadata metadata, Spec spec, Status status) {

    public Pod {
        metadata = metadata == null ? new Metadata(null, null, null, null, null, null, null, null) : metadata;
        spec = spec == null ? new Spec(null, null, null, null, null, null, null, null) : spec;
        status = status == null ? new Status(null, null, null, null, null, null, null, null, null, null, null, null, null) : status;
    }

    public String name() {
        return metadata.name();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String name, String namespace, String uid, String resourceVersion, Instant creationTimestamp,
                           Instant deletionTimestamp, Map<String, String> labels, Map<String, String> annotations) {
        public Metadata {
            name = name == null ? "" : name;
            namespace = namespace == null ? "" : namespace;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(String nodeName, String serviceAccountName, Boolean automountServiceAccountToken,
                       List<Container> initContainers, List<Container> containers, List<Volume> volumes,
                       List<ReadinessGate> readinessGates, List<Container> ephemeralContainers) {
        public Spec {
            nodeName = nodeName == null ? "" : nodeName;
            initContainers = copy(initContainers);
            containers = copy(containers);
            ephemeralContainers = copy(ephemeralContainers);
            volumes = copy(volumes);
            readinessGates = copy(readinessGates);
        }
    }

    /** A container; {@code restartPolicy: Always} on an init container makes it a sidecar (1.28+). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Container(String name, String image, String restartPolicy, List<VolumeMount> volumeMounts) {
        public Container {
            name = name == null ? "" : name;
            image = image == null ? "" : image;
            volumeMounts = copy(volumeMounts);
        }

        public boolean sidecar() {
            return "Always".equals(restartPolicy);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VolumeMount(String name, String mountPath, Boolean readOnly) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReadinessGate(String conditionType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Volume(String name, Projected projected) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Projected(List<ProjectedSource> sources) {
        public Projected {
            sources = copy(sources);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectedSource(ServiceAccountTokenProjection serviceAccountToken, ConfigMapProjection configMap,
                                  DownwardApiProjection downwardAPI) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAccountTokenProjection(String audience, Long expirationSeconds, String path) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfigMapProjection(String name, List<KeyToPath> items) {
        public ConfigMapProjection {
            items = copy(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyToPath(String key, String path) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DownwardApiProjection(List<DownwardApiItem> items) {
        public DownwardApiProjection {
            items = copy(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DownwardApiItem(String path, FieldRef fieldRef) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldRef(String fieldPath) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String phase, String reason, String message, List<Condition> conditions, String hostIP,
                         String podIP, List<PodIP> podIPs, String nominatedNodeName, Instant startTime,
                         String qosClass, List<ContainerStatus> initContainerStatuses,
                         List<ContainerStatus> containerStatuses, List<ContainerStatus> ephemeralContainerStatuses) {
        public Status {
            phase = phase == null ? "" : phase;
            reason = reason == null ? "" : reason;
            conditions = copy(conditions);
            podIPs = copy(podIPs);
            nominatedNodeName = nominatedNodeName == null ? "" : nominatedNodeName;
            initContainerStatuses = copy(initContainerStatuses);
            containerStatuses = copy(containerStatuses);
            ephemeralContainerStatuses = copy(ephemeralContainerStatuses);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PodIP(String ip) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Condition(String type, String status, String reason, String message, Instant lastTransitionTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContainerStatus(String name, boolean ready, int restartCount, Boolean started, String image,
                                  ContainerState state, ContainerState lastState) {
        public ContainerStatus {
            name = name == null ? "" : name;
            state = state == null ? ContainerState.NONE : state;
            lastState = lastState == null ? ContainerState.NONE : lastState;
        }
    }

    /** At most one of running, waiting and terminated is set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContainerState(Running running, Waiting waiting, Terminated terminated) {
        static final ContainerState NONE = new ContainerState(null, null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Running(Instant startedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Waiting(String reason, String message) {
        public Waiting {
            reason = reason == null ? "" : reason;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Terminated(int exitCode, int signal, String reason, String message, Instant startedAt,
                             Instant finishedAt) {
        public Terminated {
            reason = reason == null ? "" : reason;
        }
    }

    /** The API's list envelope; {@code continue} is set while more pages remain. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PodList(ListMeta metadata, List<Pod> items) {
        public PodList {
            metadata = metadata == null ? new ListMeta(null, null, null) : metadata;
            items = copy(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListMeta(String resourceVersion, @com.fasterxml.jackson.annotation.JsonProperty("continue") String continueToken,
                           Long remainingItemCount) {
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
