package dev.poddashboard.pods;

import java.util.List;

/** All pods of a namespace at one moment, sorted by name, and how fresh that moment is. */
public record PodSnapshot(String namespace, List<PodSummary> pods, Freshness freshness) {
    public PodSnapshot {
        pods = List.copyOf(pods);
    }
}
