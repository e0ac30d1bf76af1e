package dev.poddashboard.pods;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * kubectl's pod printer ({@code printPod} in kubernetes/pkg/printers/internalversion), rule for rule: the
 * columns of {@code kubectl get pods -o wide}. The API server runs this printer itself and sends its result as a
 * Table, which is what a live list shows (see {@link PodTable}); this port prints demo data, and pods from a
 * server that answers a Table request with a plain list. Its rules are those of Kubernetes 1.29+ (a terminating
 * pod that already succeeded or failed prints Completed/Error, PR 122038); older servers print Terminating.
 */
public final class PodPrinter {
    private static final String NONE = "<none>";
    private static final String NODE_UNREACHABLE_REASON = "NodeLost";

    private final Clock clock;

    public PodPrinter(Clock clock) {
        this.clock = clock;
    }

    public PodRow row(Pod pod) {
        return row(summarize(pod), clock.instant(), false);
    }

    /**
     * The row as kubectl prints it at {@code now}. Only AGE and the "(5m ago)" of RESTARTS depend on the time, and
     * they are always worked out here from the pod's timestamps, never taken from a printed cell: a cached row
     * would otherwise keep the age it had when the API server printed it.
     *
     * @param withNamespace true for an all-namespaces list (kubectl's -A adds the NAMESPACE column)
     */
    public static PodRow row(PodSummary s, Instant now, boolean withNamespace) {
        String restartText = Integer.toString(s.restarts());
        if (s.restarts() != 0 && s.lastRestart() != null) {
            restartText = s.restarts() + " (" + KubectlDuration.since(s.lastRestart(), now) + " ago)";
        }
        return new PodRow(withNamespace ? s.namespace() : null, s.name(), s.ready(), s.status(), restartText,
                KubectlDuration.since(s.created(), now), s.ip(), s.node(), s.nominatedNode(), s.readinessGates());
    }

    /** Everything of the row that does not depend on the time, worked out once per change of the pod. */
    public static PodSummary summarize(Pod pod) {
        Pod.Spec spec = pod.spec();
        Pod.Status status = pod.status();

        int restarts = 0;
        int sidecarRestarts = 0;
        int totalContainers = spec.containers().size();
        int readyContainers = 0;
        Instant lastRestart = null;
        Instant lastSidecarRestart = null;

        String reason = status.reason().isEmpty() ? status.phase() : status.reason();
        for (Pod.Condition condition : status.conditions()) {
            if ("PodScheduled".equals(condition.type()) && "SchedulingGated".equals(condition.reason())) {
                reason = "SchedulingGated";
            }
        }

        for (Pod.Container init : spec.initContainers()) {
            if (init.sidecar()) {
                totalContainers++;
            }
        }

        boolean initializing = false;
        List<Pod.ContainerStatus> initStatuses = status.initContainerStatuses();
        for (int i = 0; i < initStatuses.size(); i++) {
            Pod.ContainerStatus container = initStatuses.get(i);
            restarts += container.restartCount();
            Pod.Terminated lastTerminated = container.lastState().terminated();
            if (lastTerminated != null) {
                lastRestart = later(lastRestart, lastTerminated.finishedAt());
            }
            boolean sidecar = isSidecar(spec, container.name());
            if (sidecar) {
                sidecarRestarts += container.restartCount();
                if (lastTerminated != null) {
                    lastSidecarRestart = later(lastSidecarRestart, lastTerminated.finishedAt());
                }
            }
            Pod.Terminated terminated = container.state().terminated();
            Pod.Waiting waiting = container.state().waiting();
            if (terminated != null && terminated.exitCode() == 0) {
                continue;
            } else if (sidecar && Boolean.TRUE.equals(container.started())) {
                if (container.ready()) {
                    readyContainers++;
                }
                continue;
            } else if (terminated != null) {
                // initialization failed
                if (terminated.reason().isEmpty()) {
                    reason = terminated.signal() != 0 ? "Init:Signal:" + terminated.signal()
                            : "Init:ExitCode:" + terminated.exitCode();
                } else {
                    reason = "Init:" + terminated.reason();
                }
            } else if (waiting != null && !waiting.reason().isEmpty() && !"PodInitializing".equals(waiting.reason())) {
                reason = "Init:" + waiting.reason();
            } else {
                reason = "Init:" + i + "/" + spec.initContainers().size();
            }
            initializing = true;
            break;
        }

        if (!initializing || conditionTrue(status, "Initialized")) {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            boolean hasRunning = false;
            List<Pod.ContainerStatus> statuses = status.containerStatuses();
            for (int i = statuses.size() - 1; i >= 0; i--) {
                Pod.ContainerStatus container = statuses.get(i);
                restarts += container.restartCount();
                Pod.Terminated lastTerminated = container.lastState().terminated();
                if (lastTerminated != null) {
                    lastRestart = later(lastRestart, lastTerminated.finishedAt());
                }
                Pod.Waiting waiting = container.state().waiting();
                Pod.Terminated terminated = container.state().terminated();
                if (waiting != null && !waiting.reason().isEmpty()) {
                    reason = waiting.reason();
                } else if (terminated != null && !terminated.reason().isEmpty()) {
                    reason = terminated.reason();
                } else if (terminated != null) {
                    reason = terminated.signal() != 0 ? "Signal:" + terminated.signal()
                            : "ExitCode:" + terminated.exitCode();
                } else if (container.ready() && container.state().running() != null) {
                    hasRunning = true;
                    readyContainers++;
                }
            }
            // Back to Running when at least one container still runs.
            if ("Completed".equals(reason) && hasRunning) {
                reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
            }
        }

        boolean deleting = pod.metadata().deletionTimestamp() != null;
        if (deleting && NODE_UNREACHABLE_REASON.equals(status.reason())) {
            reason = "Unknown";
        } else if (deleting && !"Succeeded".equals(status.phase()) && !"Failed".equals(status.phase())) {
            reason = "Terminating";
        }

        String ip = status.podIPs().isEmpty() || status.podIPs().get(0).ip() == null
                || status.podIPs().get(0).ip().isEmpty() ? NONE : status.podIPs().get(0).ip();
        String node = spec.nodeName().isEmpty() ? NONE : spec.nodeName().intern();
        String nominated = status.nominatedNodeName().isEmpty() ? NONE : status.nominatedNodeName().intern();
        return new PodSummary(pod.metadata().namespace().intern(), pod.name(),
                (readyContainers + "/" + totalContainers).intern(), reason.intern(), restarts,
                restarts == 0 ? null : lastRestart, pod.metadata().creationTimestamp(), ip, node, nominated,
                readinessGates(pod), PodSummary.internLabels(pod.metadata().labels()));
    }

    /** READINESS GATES: true gate conditions over all gates, {@code <none>} without gates. */
    private static String readinessGates(Pod pod) {
        List<Pod.ReadinessGate> gates = pod.spec().readinessGates();
        if (gates.isEmpty()) {
            return NONE;
        }
        int trueConditions = 0;
        for (Pod.ReadinessGate gate : gates) {
            for (Pod.Condition condition : pod.status().conditions()) {
                if (condition.type() != null && condition.type().equals(gate.conditionType())) {
                    if ("True".equals(condition.status())) {
                        trueConditions++;
                    }
                    break;
                }
            }
        }
        return (trueConditions + "/" + gates.size()).intern();
    }

    private static boolean isSidecar(Pod.Spec spec, String name) {
        for (Pod.Container init : spec.initContainers()) {
            if (init.name().equals(name)) {
                return init.sidecar();
            }
        }
        return false;
    }

    static boolean conditionTrue(Pod.Status status, String type) {
        for (Pod.Condition condition : status.conditions()) {
            if (type.equals(condition.type())) {
                return "True".equals(condition.status());
            }
        }
        return false;
    }

    private static Instant later(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || current.isBefore(candidate) ? candidate : current;
    }
}
