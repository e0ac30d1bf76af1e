package dev.poddashboard.pods;

import java.util.List;

/**
 * The pods of a scope at one moment, sorted as kubectl lists them, and how fresh that moment is.
 *
 * @param complete false while the first list is still arriving: the pods so far are shown and the count grows
 */
public record PodSnapshot(PodScope scope, List<PodSummary> pods, Freshness freshness, boolean complete) {
    public PodSnapshot {
        pods = List.copyOf(pods);
    }
}
