package dev.poddashboard.events;

import dev.poddashboard.pods.Pod;
import dev.poddashboard.pods.PodStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo mode's events: what the scheduler and the kubelet would have recorded for each sample pod, worked out
 * from its status (scheduled or not, images pulled, containers started, back-offs counted by restarts).
 */
public final class DemoPodEvents implements PodEvents {
    private final PodStore pods;
    private final Clock clock;

    public DemoPodEvents(PodStore pods, Clock clock) {
        this.pods = pods;
        this.clock = clock;
    }

    @Override
    public Result forPod(String namespace, String name, String uid) {
        Pod pod = pods.get(namespace, name);
        Instant created = pod.metadata().creationTimestamp();
        List<Event> events = new ArrayList<>();
        String kubelet = "kubelet";
        if (pod.spec().nodeName().isEmpty()) {
            events.add(new Event("Warning", "FailedScheduling", "0/3 nodes are available: 3 Insufficient cpu. preemption: "
                    + "0/3 nodes are available: 3 No preemption victims found for incoming pod.", null, null, null,
                    created.plusSeconds(1), new Event.Series(12, clock.instant().minusSeconds(40)), null, "default-scheduler"));
            return new Result.Listed(EventRow.print(events, clock.instant()), false);
        }
        events.add(new Event("Normal", "Scheduled", "Successfully assigned " + namespace + "/" + name + " to "
                + pod.spec().nodeName(), null, null, null, created.plusMillis(200), null, null, "default-scheduler"));
        List<Pod.Container> containers = new ArrayList<>(pod.spec().initContainers());
        containers.addAll(pod.spec().containers());
        List<Pod.ContainerStatus> statuses = new ArrayList<>(pod.status().initContainerStatuses());
        statuses.addAll(pod.status().containerStatuses());
        for (Pod.Container c : containers) {
            Pod.ContainerStatus st = statuses.stream().filter(s -> s.name().equals(c.name())).findFirst().orElse(null);
            Instant at = created.plusSeconds(2);
            Pod.Waiting waiting = st == null ? null : st.state().waiting();
            if (waiting != null && waiting.reason().contains("Image")) {
                events.add(old("Normal", "Pulling", "Pulling image \"" + c.image() + "\"", 6, at, kubelet));
                events.add(old("Warning", "Failed", "Failed to pull image \"" + c.image() + "\": rpc error: code = NotFound "
                        + "desc = failed to pull and unpack image \"docker.io/library/" + c.image() + "\": not found", 6, at, kubelet));
                events.add(old("Warning", "Failed", "Error: " + waiting.reason(), 20, at, kubelet));
                continue;
            }
            int runs = st == null ? 1 : st.restartCount() + 1;
            events.add(old("Normal", "Pulled", "Container image \"" + c.image() + "\" already present on machine", runs, at, kubelet));
            events.add(old("Normal", "Created", "Created container " + c.name(), runs, at, kubelet));
            events.add(old("Normal", "Started", "Started container " + c.name(), runs, at, kubelet));
            if (waiting != null && waiting.reason().equals("CrashLoopBackOff")) {
                events.add(old("Warning", "BackOff", "Back-off restarting failed container " + c.name() + " in pod "
                        + name + "_" + namespace + "(" + pod.metadata().uid() + ")", runs * 4, at.plusSeconds(10), kubelet));
            }
        }
        return new Result.Listed(EventRow.print(events, clock.instant()), false);
    }

    /** An event of the old kind, repeated {@code count} times from {@code first} until a few seconds ago. */
    private Event old(String type, String reason, String message, int count, Instant first, String component) {
        Instant last = count > 1 ? clock.instant().minus(Duration.ofSeconds(30)) : first;
        return new Event(type, reason, message, count, first, last, null, null, new Event.Source(component, "demo-node-1"), null);
    }
}
