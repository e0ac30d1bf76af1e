package dev.poddashboard.pods;

import java.time.Instant;

/**
 * What kubectl prints for a pod, minus what depends on the time (AGE and "(5m ago)"): worked out once when the
 * pod changes, so a page view over 10,000 pods only formats the rows it shows.
 */
public record PodSummary(String name, int readyContainers, int totalContainers, String status, int restarts,
                         Instant lastRestart, Instant created, String ip, String node) {

    public String ready() {
        return readyContainers + "/" + totalContainers;
    }

    double readyFraction() {
        return totalContainers == 0 ? 0 : readyContainers / (double) totalContainers;
    }
}
