package dev.poddashboard.pods;

/** One pod added, changed or deleted, as a watch event reports it. */
public record PodChange(Type type, PodSummary pod) {
    public enum Type { ADDED, MODIFIED, DELETED }
}
