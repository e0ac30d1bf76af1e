package dev.poddashboard.logs;

import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.pods.Pod;
import dev.poddashboard.pods.PodStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl logs}: which container (kubectl's default when none is named), its log read once and bounded,
 * or followed; and the API server's refusals turned into {@link LogProblem}s a user can act on.
 */
public final class Logs {
    static final String DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

    private final PodStore pods;
    private final LogSource source;

    public Logs(PodStore pods, LogSource source) {
        this.pods = pods;
        this.source = source;
    }

    /** @param kind "container", "init", "sidecar" or "ephemeral" */
    public record ContainerChoice(String name, String kind) {
        public String label() {
            return kind.equals("container") ? name : name + " (" + kind + ")";
        }
    }

    /**
     * The container a log is read from, and why that one.
     *
     * @param why        empty when the user named it; else how kubectl picks the default
     * @param containers every container of the pod, for the picker
     */
    public record Target(String namespace, String pod, String container, String why, List<ContainerChoice> containers) {
        public Target {
            containers = List.copyOf(containers);
        }

        public List<ContainerChoice> others() {
            return containers.stream().filter(c -> !c.name().equals(container)).toList();
        }
    }

    /**
     * @param truncated true when the log was longer than {@link LogLimits#MAX_BYTES} and its end is missing
     * @param cutLines  lines longer than {@link LogLimits#MAX_LINE_BYTES}, of which only the start is shown
     */
    public record LogText(Target target, LogQuery query, List<LogLine> lines, boolean truncated, int cutLines) {
        public LogText {
            lines = List.copyOf(lines);
        }

        /** The time of the last line, where a followed stream takes over. */
        public String lastTimestamp() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1).timestamp();
        }
    }

    /** The pod's containers, and the one to show: the named one, else kubectl's default. */
    public Target target(String namespace, String pod, String container) {
        Pod p = pods.get(namespace, pod);
        List<ContainerChoice> all = new ArrayList<>();
        p.spec().containers().forEach(c -> all.add(new ContainerChoice(c.name(), "container")));
        p.spec().initContainers().forEach(c -> all.add(new ContainerChoice(c.name(), c.sidecar() ? "sidecar" : "init")));
        p.spec().ephemeralContainers().forEach(c -> all.add(new ContainerChoice(c.name(), "ephemeral")));
        if (!container.isEmpty()) {
            if (all.stream().noneMatch(c -> c.name().equals(container))) {
                throw new LogProblem(LogProblem.Kind.NO_CONTAINER, "Pod " + pod + " has no container named " + container
                        + ". Its containers: " + String.join(", ", all.stream().map(ContainerChoice::label).toList()) + ".",
                        List.of("kubectl get pod " + pod + " -n " + namespace
                                + " -o jsonpath='{.spec.containers[*].name} {.spec.initContainers[*].name}'"));
            }
            return new Target(namespace, pod, container, "", all);
        }
        String annotated = p.metadata().annotations().get(DEFAULT_CONTAINER_ANNOTATION);
        if (annotated != null && all.stream().anyMatch(c -> c.name().equals(annotated))) {
            return new Target(namespace, pod, annotated, "the pod's default: its annotation "
                    + DEFAULT_CONTAINER_ANNOTATION + " names it", all);
        }
        if (p.spec().containers().isEmpty()) {
            throw new LogProblem(LogProblem.Kind.NO_CONTAINER, "Pod " + pod + " has no containers.", List.of());
        }
        String why = all.size() == 1 ? "" : "the first container, which kubectl shows when none is named";
        return new Target(namespace, pod, p.spec().containers().get(0).name(), why, all);
    }

    /** The last {@code tail} lines, bounded in bytes; a terminal escape or a huge line cannot hurt the page. */
    public LogText read(Target target, LogQuery query) {
        List<LogLine> lines = new ArrayList<>();
        long bytes = 0;
        int cut = 0;
        boolean truncated = false;
        try (LogSource.Reader reader = open(target, query.previous(), query.tail(), false, null)) {
            LogLine line;
            while ((line = next(reader, target, query.previous())) != null) {
                bytes += line.text().length() + line.timestamp().length() + 2L;
                if (bytes > LogLimits.MAX_BYTES || lines.size() >= LogLimits.MAX_TAIL) {
                    truncated = true;
                    break;
                }
                lines.add(line);
                cut += line.cut() ? 1 : 0;
            }
        }
        // limitBytes makes the kubelet stop mid-way without a word: a log that fills the limit was cut there.
        truncated |= bytes >= LogLimits.MAX_BYTES - LogLimits.MAX_LINE_BYTES;
        return new LogText(target, query, lines, truncated, cut);
    }

    /** A followed log: the last {@code tail} lines first, or every line from {@code since} on. */
    public LogSource.Reader follow(Target target, int tail, Instant since) {
        LogSource.Reader reader = open(target, false, since == null ? tail : 0, true, since);
        return new LogSource.Reader() {
            @Override
            public LogLine next() {
                return Logs.this.next(reader, target, false);
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /** Why a followed log ended, once its stream has: the pod is gone, or its container stopped. */
    public String endReason(Target target) {
        try {
            Pod pod = pods.get(target.namespace(), target.pod());
            List<Pod.ContainerStatus> statuses = new ArrayList<>(pod.status().containerStatuses());
            statuses.addAll(pod.status().initContainerStatuses());
            statuses.addAll(pod.status().ephemeralContainerStatuses());
            return statuses.stream().filter(s -> s.name().equals(target.container())).findFirst()
                    .filter(s -> s.state().running() == null)
                    .map(s -> "Container " + target.container() + " is no longer running"
                            + (s.state().terminated() != null ? " (" + s.state().terminated().reason() + ", exit code "
                            + s.state().terminated().exitCode() + ")" : s.state().waiting() != null
                            ? " (" + s.state().waiting().reason() + ")" : "") + ": kubectl logs -f ends here too.")
                    .orElse("");
        } catch (ClusterException.NotFound e) {
            return "Pod " + target.pod() + " was deleted: there is nothing more to follow.";
        }
    }

    public static String kubectl(Target target, LogQuery query, boolean follow) {
        StringBuilder command = new StringBuilder("kubectl logs ").append(target.pod()).append(" -n ")
                .append(target.namespace());
        if (target.containers().size() > 1 || !target.why().isEmpty()) {
            command.append(" -c ").append(target.container());
        }
        if (query.previous()) {
            command.append(" --previous");
        }
        command.append(" --tail=").append(query.tail());
        if (query.timestamps()) {
            command.append(" --timestamps");
        }
        if (follow) {
            command.append(" -f");
        }
        return command.toString();
    }

    private LogSource.Reader open(Target target, boolean previous, int tail, boolean follow, Instant since) {
        try {
            return source.open(target.namespace(), target.pod(), target.container(), previous, tail, follow, since);
        } catch (ClusterException.ApiError e) {
            throw translate(e, target, previous);
        }
    }

    private LogLine next(LogSource.Reader reader, Target target, boolean previous) {
        try {
            return reader.next();
        } catch (ClusterException.ApiError e) {
            throw translate(e, target, previous);
        }
    }

    /** The API server's 400s and 5xx for pods/log, as the kubelet words them, made into what a user can do. */
    private static RuntimeException translate(ClusterException.ApiError e, Target target, boolean previous) {
        String message = e.status().message();
        String base = "kubectl logs " + target.pod() + " -n " + target.namespace() + " -c " + target.container();
        if (e.status().code() == 400 && message.contains("previous terminated container")) {
            return new LogProblem(LogProblem.Kind.NO_PREVIOUS, "Container " + target.container() + " has not restarted, "
                    + "so there is no previous instance to read (the API server says: " + message + "). The current "
                    + "log is what it has written so far.", List.of(base, "kubectl get pod " + target.pod() + " -n "
                    + target.namespace() + " -o jsonpath='{.status.containerStatuses[*].restartCount}'"));
        }
        if (e.status().code() == 400 && message.contains("is waiting to start")) {
            return new LogProblem(LogProblem.Kind.NOT_STARTED, "Container " + target.container() + " has not started yet, "
                    + "so it has written nothing (the API server says: " + message + "). Its events on the pod page say why."
                    + (previous ? "" : " If it ran before, its previous instance may have a log."),
                    List.of("kubectl describe pod " + target.pod() + " -n " + target.namespace(), base + " --previous"));
        }
        if (e.status().code() == 400 && message.contains("is not valid for pod")) {
            return new LogProblem(LogProblem.Kind.NO_CONTAINER, message, List.of(base));
        }
        if (e.status().code() >= 500) {
            return new LogProblem(LogProblem.Kind.KUBELET_UNREACHABLE, "The API server could not get the log from the "
                    + "kubelet on the pod's node: " + message + ". Logs live on the node, so a node that is down or "
                    + "whose port 10250 the API server cannot reach has none to give.",
                    List.of("kubectl get nodes -o wide", "kubectl get --raw /api/v1/nodes/<node>/proxy/healthz"));
        }
        return e;
    }
}
