package dev.poddashboard.logs;

import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.cluster.Watch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code GET /api/v1/namespaces/NS/pods/NAME/log}: the API server proxies it to the kubelet of the pod's node.
 * {@code limitBytes} makes the kubelet stop at the app's bound; a followed log stays open until the container
 * stops, the client goes away or the connection drops.
 */
public final class ApiLogSource implements LogSource {
    private final KubeApi api;

    public ApiLogSource(KubeApi api) {
        this.api = api;
    }

    @Override
    public Reader open(String namespace, String pod, String container, boolean previous, int tailLines, boolean follow,
                       Instant since) {
        StringBuilder path = new StringBuilder("/api/v1/namespaces/").append(namespace).append("/pods/").append(pod)
                .append("/log?container=").append(URLEncoder.encode(container, StandardCharsets.UTF_8))
                .append("&timestamps=true");
        if (previous) {
            path.append("&previous=true");
        }
        if (tailLines > 0) {
            path.append("&tailLines=").append(tailLines);
        }
        if (since != null) {
            // sinceTime has a precision of seconds; the caller drops the lines it has already seen.
            path.append("&sinceTime=").append(URLEncoder.encode(since.truncatedTo(ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8));
        }
        if (follow) {
            path.append("&follow=true");
        } else {
            path.append("&limitBytes=").append(LogLimits.MAX_BYTES);
        }
        // A followed log that stays silent for IDLE_TIMEOUT ends with a timeout; a read one never waits that long.
        Watch stream = api.stream(path.toString(), "*/*", LogLimits.IDLE_TIMEOUT);
        return new Reader() {
            @Override
            public LogLine next() {
                Watch.Line line = stream.nextLine(LogLimits.MAX_LINE_BYTES);
                return line == null ? null : LogLine.parse(line.text(), line.cut());
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }
}
