package dev.poddashboard.pods;

import java.util.Set;

/**
 * One line of {@code kubectl get pods -o wide}, exactly as kubectl prints it; the HTML table and
 * {@code /api/pods} show these same strings.
 */
public record PodRow(String name, String ready, String status, String restarts, String age, String ip, String node) {
    private static final Set<String> HEALTHY = Set.of("Running", "Completed", "Succeeded");
    private static final Set<String> IN_PROGRESS = Set.of("Pending", "ContainerCreating", "PodInitializing",
            "Terminating", "SchedulingGated", "NotReady");

    /** How the status reads at a glance: ok, progress or problem (a CSS hook, not part of the JSON). */
    public String tone() {
        if (HEALTHY.contains(status)) {
            return "ok";
        }
        if (IN_PROGRESS.contains(status) || status.matches("Init:\\d+/\\d+")) {
            return "progress";
        }
        return "problem";
    }
}
