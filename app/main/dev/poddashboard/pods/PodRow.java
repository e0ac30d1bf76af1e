package dev.poddashboard.pods;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Set;

/**
 * One line of {@code kubectl get pods -o wide} (with {@code -A}: and its NAMESPACE), exactly as kubectl prints it;
 * the HTML table and {@code /api/pods} show these same strings.
 *
 * @param namespace null unless the list spans all namespaces (then JSON rows carry it, like the NAMESPACE column)
 */
@JsonPropertyOrder({"namespace", "name", "ready", "status", "restarts", "age", "ip", "node", "nominatedNode", "readinessGates"})
public record PodRow(@JsonInclude(JsonInclude.Include.NON_NULL) String namespace, String name, String ready,
                     String status, String restarts, String age, String ip, String node, String nominatedNode,
                     String readinessGates) {
    private static final Set<String> HEALTHY = Set.of("Running", "Completed", "Succeeded");
    private static final Set<String> IN_PROGRESS = Set.of("Pending", "ContainerCreating", "PodInitializing",
            "Terminating", "SchedulingGated", "NotReady");

    /** How the status reads at a glance: ok, progress or problem (a CSS hook, not part of the JSON). */
    @JsonIgnore
    public String tone() {
        if (HEALTHY.contains(status)) {
            return "ok";
        }
        if (IN_PROGRESS.contains(status) || status.matches("Init:\\d+/\\d+")) {
            return "progress";
        }
        return "problem";
    }

    /** The namespace the pod lives in, whether or not the row shows it. */
    @JsonIgnore
    public String namespaceOr(String fallback) {
        return namespace == null ? fallback : namespace;
    }
}
