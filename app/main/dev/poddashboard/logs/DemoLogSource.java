package dev.poddashboard.logs;

import dev.poddashboard.cluster.ApiStatus;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.pods.Pod;
import dev.poddashboard.pods.PodStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Demo mode's logs, written for each sample container from its state, and refused exactly as the kubelet refuses
 * (no previous instance, waiting to start). A followed demo log gains a line every two seconds.
 */
public final class DemoLogSource implements LogSource {
    private static final long FOLLOW_EVERY_MILLIS = 2_000;

    private final PodStore pods;
    private final Clock clock;

    public DemoLogSource(PodStore pods, Clock clock) {
        this.pods = pods;
        this.clock = clock;
    }

    @Override
    public Reader open(String namespace, String pod, String container, boolean previous, int tailLines, boolean follow,
                       Instant since) {
        Pod p = pods.get(namespace, pod);
        List<Pod.ContainerStatus> statuses = new ArrayList<>(p.status().containerStatuses());
        statuses.addAll(p.status().initContainerStatuses());
        Pod.ContainerStatus status = statuses.stream().filter(s -> s.name().equals(container)).findFirst().orElse(null);
        List<LogLine> lines = new ArrayList<>();
        boolean running = status != null && status.state().running() != null;
        Pod.Terminated last = status == null ? null : status.lastState().terminated();
        boolean ended = status != null && status.state().terminated() != null;
        if (previous || !running && !ended && last != null) {
            // Like the kubelet: a container waiting to restart (CrashLoopBackOff) answers with its last run's log.
            if (last == null) {
                throw refused("previous terminated container \"" + container + "\" in pod \"" + pod + "\" not found");
            }
            lastRun(lines, container, last);
        } else {
            if (!running && !ended) {
                String reason = status == null || status.state().waiting() == null ? "PodInitializing"
                        : status.state().waiting().reason();
                throw refused("container \"" + container + "\" in pod \"" + pod + "\" is waiting to start: " + reason);
            }
            Instant start = running && status.state().running().startedAt() != null
                    ? status.state().running().startedAt() : p.metadata().creationTimestamp();
            lines.add(line(start, container + ": starting (pid 1, uid 65534)"));
            lines.add(line(start.plusSeconds(1), container + ": listening on :8080"));
            for (int i = 1; i <= 40; i++) {
                lines.add(line(start.plusSeconds(5L * i), "GET /healthz 200 " + (i % 7 + 1) + "ms"));
            }
        }
        List<LogLine> shown = lines.stream().filter(l -> since == null || !Instant.parse(l.timestamp()).isBefore(since)).toList();
        if (tailLines > 0 && shown.size() > tailLines) {
            shown = shown.subList(shown.size() - tailLines, shown.size());
        }
        // A stopped container's log does not grow: following it ends after its lines, as with the kubelet.
        return new DemoReader(shown, follow && running && !previous, container);
    }

    private void lastRun(List<LogLine> lines, String container, Pod.Terminated last) {
        Instant end = last.finishedAt() == null ? clock.instant() : last.finishedAt();
        lines.add(line(end.minusSeconds(4), container + ": starting (pid 1)"));
        lines.add(line(end.minusSeconds(3), container + ": loading configuration from /etc/" + container + "/config.yaml"));
        lines.add(line(end.minusSeconds(1), "\u001B[31mfatal\u001B[0m: " + ("OOMKilled".equals(last.reason())
                ? "allocation of 512 MiB failed: out of memory" : "cannot connect to db:5432: connection refused")
                + ", exit " + last.exitCode()));
    }

    private static ClusterException refused(String message) {
        return new ClusterException.ApiError(new ApiStatus("Failure", message, "BadRequest", null, 400));
    }

    private static LogLine line(Instant at, String text) {
        return new LogLine(at.toString(), text, false);
    }

    private final class DemoReader implements Reader {
        private final List<LogLine> lines;
        private final boolean follow;
        private final String container;
        private final CountDownLatch closed = new CountDownLatch(1);
        private int next;
        private int written;

        DemoReader(List<LogLine> lines, boolean follow, String container) {
            this.lines = lines;
            this.follow = follow;
            this.container = container;
        }

        @Override
        public LogLine next() {
            if (next < lines.size()) {
                return lines.get(next++);
            }
            if (!follow) {
                return null;
            }
            try {
                // The demo container writes a line every two seconds until the reader is closed.
                if (closed.await(FOLLOW_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            written++;
            return line(clock.instant(), container + ": GET /api/orders 200 " + (written % 9 + 3) + "ms (request " + written + ")");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
